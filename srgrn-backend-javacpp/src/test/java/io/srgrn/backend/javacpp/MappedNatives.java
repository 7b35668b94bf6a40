package io.srgrn.backend.javacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a probe running in a {@link io.srgrn.tck.ForkedJvm} reports about its own process. */
final class MappedNatives {
    private MappedNatives() {}

    /** Whether this process has mapped any of libtorch's or JavaCPP's native libraries. */
    static boolean present() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .anyMatch(l -> l.contains("libtorch") || l.contains("libjnitorch") || l.contains("libc10")
                            || l.contains("jnijavacpp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
