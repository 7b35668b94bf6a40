package io.srgrn.data.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the SR datasets live: the system property {@code srgrn.data}, else the environment variable
 * {@code SRGRN_DATA}. Blank values and unexpanded Maven placeholders ({@code ${env.SRGRN_DATA}},
 * which surefire passes through when the variable is unset) count as unset.
 */
public final class DataRoot {
    /**
     * System property naming the checkout root, against which a relative data root is resolved (set
     * by the build).
     */
    public static final String CHECKOUT_ROOT_PROPERTY = "srgrn.root";

    public static final String PROPERTY = "srgrn.data";
    public static final String ENV = "SRGRN_DATA";

    private DataRoot() {}

    /** The configured root if it is set and is an existing directory. */
    public static Optional<Path> find() {
        return configured().filter(Files::isDirectory);
    }

    /** The configured root whether or not it exists. */
    public static Optional<Path> configured() {
        Optional<Path> p = usable(System.getProperty(PROPERTY));
        return p.isPresent() ? p : usable(System.getenv(ENV));
    }

    /** The configured root, or an exception saying how to configure it. */
    public static Path require() {
        Optional<Path> configured = configured();
        if (configured.isEmpty()) {
            throw new IllegalStateException(
                    "no data root: set the system property "
                            + PROPERTY
                            + " or the environment variable "
                            + ENV
                            + " to the folder that holds Set5/, Set14/, DIV2K_train_HR/ ...");
        }
        if (!Files.isDirectory(configured.get())) {
            throw new IllegalStateException(
                    "data root "
                            + configured.get()
                            + " (from "
                            + PROPERTY
                            + "/"
                            + ENV
                            + ") is not a directory");
        }
        return configured.get();
    }

    /** A sentence for test assumptions: why data-dependent checks are skipped. */
    public static String missingReason(String what) {
        return what
                + " needs the SR datasets: set -D"
                + PROPERTY
                + "=... or "
                + ENV
                + " (e.g. ../shared/data); "
                + "configured: "
                + configured().map(Path::toString).orElse("nothing");
    }

    private static Optional<Path> usable(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        Path path = Path.of(value.trim());
        // Maven runs each module's tests in the module folder; a relative root such as the README's
        // ../shared/data means "beside the checkout", so resolve it against the checkout root when
        // known.
        String checkout = System.getProperty(CHECKOUT_ROOT_PROPERTY);
        if (!path.isAbsolute()
                && checkout != null
                && !checkout.isBlank()
                && !checkout.contains("${")) {
            path = Path.of(checkout).resolve(path).normalize();
        }
        return Optional.of(path);
    }
}
