package io.srgrn.api.weights;

import io.srgrn.data.image.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@link AtomicWrite} for callers that hold the whole content in memory and want unchecked
 * exceptions: readers see the old file or the complete new one, never a torn one.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        try {
            AtomicWrite.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoReasons.of(e), e);
        }
    }
}
