package io.srgrn.api.spi;

import java.util.HashMap;
import java.util.Map;

/**
 * Guards native runtimes that cannot share a process. DJL's libtorch 2.7 and JavaCPP's libtorch
 * 2.10 ship libraries with the same sonames: loading the second aborts the JVM. A backend claims
 * its runtime family before loading natives; a second backend claiming the same family gets a clear
 * error instead of a crash.
 */
public final class NativeRuntimes {
    /** The family name for any backend that loads libtorch. */
    public static final String LIBTORCH = "libtorch";

    private static final Map<String, String> OWNERS = new HashMap<>();

    private NativeRuntimes() {}

    /**
     * Claims {@code family} for {@code backend}. Claiming again by the same backend is a no-op.
     *
     * @throws BackendUnavailableException when another backend holds the family in this JVM
     */
    public static synchronized void claim(String family, String backend) {
        String owner = OWNERS.putIfAbsent(family, backend);
        if (owner != null && !owner.equals(backend)) {
            throw new BackendUnavailableException(
                    "backend '"
                            + backend
                            + "' cannot load "
                            + family
                            + " because backend '"
                            + owner
                            + "' already loaded its own "
                            + family
                            + " in this JVM; two builds of "
                            + family
                            + " cannot share a process: run each backend in a separate JVM");
        }
    }

    /** The backend that holds {@code family} in this JVM, or null. */
    public static synchronized String owner(String family) {
        return OWNERS.get(family);
    }
}
