package io.srgrn.api.spi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C library's environment of this process, which native runtimes read, as opposed to {@link
 * System#getenv}, the JVM's start-up copy that never changes. Used to give native runtimes settings
 * they only read from the environment, before they load, and glibc's allocator its settings.
 *
 * <p>JNA is an optional dependency of srgrn-api: the backends that need this class bring it.
 */
final class ProcessEnvironment {
    private ProcessEnvironment() {}

    /**
     * Sets {@code name} unless the process environment already has it.
     *
     * @throws UnsupportedOperationException when this platform or class path cannot change it
     *     (Windows, no JNA)
     */
    static void setIfAbsent(String name, String value) {
        try {
            if (Platform.isWindows() || CLibrary.INSTANCE.setenv(name, value, 0) != 0) {
                throw new UnsupportedOperationException("setenv is not available");
            }
        } catch (LinkageError | RuntimeException e) {
            throw new UnsupportedOperationException(
                    "cannot set " + name + " in this process: " + e, e);
        }
    }

    /** The value native code would read now, or null. */
    static String get(String name) {
        try {
            return Platform.isWindows() ? System.getenv(name) : CLibrary.INSTANCE.getenv(name);
        } catch (LinkageError | RuntimeException e) {
            return System.getenv(name);
        }
    }

    /**
     * glibc's {@code mallopt(param, value)}; false when it refused, or where there is no glibc or
     * no JNA.
     */
    static boolean mallopt(int param, int value) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            return CLibrary.INSTANCE.mallopt(param, value) == 1;
        } catch (LinkageError | RuntimeException e) {
            return false; // musl and other C libraries have no mallopt
        }
    }

    /**
     * True when a shared library whose file name contains one of {@code names} is mapped (Linux;
     * false where unknown).
     */
    static boolean libraryLoaded(String... names) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return false;
        }
        try (var lines = Files.lines(maps)) {
            return lines.anyMatch(
                    l -> {
                        for (String n : names) {
                            if (l.contains(n)) {
                                return true;
                            }
                        }
                        return false;
                    });
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The C library's environment functions (POSIX) and glibc's mallopt. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        int mallopt(int param, int value);
    }
}
