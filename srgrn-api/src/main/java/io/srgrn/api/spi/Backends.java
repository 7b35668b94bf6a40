package io.srgrn.api.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds backends with {@link ServiceLoader} and selects one: an explicit name, else the {@code
 * srgrn.backend} system property, else the {@code SRGRN_BACKEND} environment variable, else the
 * available backend of highest priority. Nothing here loads a native library.
 */
public final class Backends {
    public static final String PROPERTY = "srgrn.backend";
    public static final String ENV = "SRGRN_BACKEND";

    private Backends() {}

    /** Every backend on the class path, highest priority first. */
    public static List<Backend> discover() {
        List<Backend> list = new ArrayList<>();
        ServiceLoader.load(Backend.class).forEach(list::add);
        list.sort(
                Comparator.comparingInt(Backend::priority).reversed().thenComparing(Backend::name));
        return list;
    }

    /**
     * Selects with {@code explicitName} (may be null or blank), then the property, env and
     * priority.
     */
    public static Backend select(String explicitName) {
        return select(explicitName, discover());
    }

    static Backend select(String explicitName, List<Backend> found) {
        String requested =
                firstNonBlank(explicitName, System.getProperty(PROPERTY), System.getenv(ENV));
        if (requested != null) {
            String name = requested.trim().toLowerCase(Locale.ROOT);
            for (Backend b : found) {
                if (b.name().equals(name)) {
                    Availability a = b.availability();
                    if (!a.available()) {
                        throw new BackendUnavailableException(
                                "backend '"
                                        + name
                                        + "' was requested but is unavailable: "
                                        + a.reason()
                                        + "\n"
                                        + describe(found));
                    }
                    return b;
                }
            }
            throw new BackendUnavailableException(
                    "backend '"
                            + name
                            + "' was requested but is not on the class path\n"
                            + describe(found));
        }
        for (Backend b : found) {
            if (b.availability().available()) {
                return b;
            }
        }
        throw new BackendUnavailableException("no usable SRGRN backend\n" + describe(found));
    }

    /** One line per backend found: name, priority, availability and reason. */
    public static String describe(List<Backend> found) {
        if (found.isEmpty()) {
            return "no backend found on the class path: add a backend module such as io.srgrn:srgrn-backend-djl";
        }
        StringBuilder sb = new StringBuilder("backends found:");
        for (Backend b : found) {
            Availability a = b.availability();
            sb.append("\n  ")
                    .append(b.name())
                    .append(" (priority ")
                    .append(b.priority())
                    .append("): ")
                    .append(a.available() ? "available" : "unavailable")
                    .append(" - ")
                    .append(a.reason());
        }
        return sb.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
