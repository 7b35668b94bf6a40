package io.srgrn.api;

import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;

/** The checks that keep NaN and infinity out of what {@link Srgrn#upscale} takes and returns. */
final class FiniteValues {
    private FiniteValues() {}

    /** An input must be finite: the clamp to [0, 1] would pass a NaN through to the image. */
    static void requireInput(Tensor lr) {
        int at = firstNonFinite(lr);
        if (at >= 0) {
            throw new IllegalArgumentException(
                    "the input holds a non-finite value ("
                            + lr.data()[at]
                            + " at "
                            + Arrays.toString(position(lr, at))
                            + " of "
                            + Arrays.toString(lr.shape())
                            + "); images must be finite, in [0, 1]");
        }
    }

    /**
     * A non-finite output means float32 overflowed inside the network; clamping it would hide that.
     */
    static void requireOutput(Tensor out) {
        int at = firstNonFinite(out);
        if (at >= 0) {
            long count = 0;
            for (float v : out.data()) {
                if (!Float.isFinite(v)) {
                    count++;
                }
            }
            throw new NonFiniteOutputException(
                    "the network produced "
                            + count
                            + " non-finite value(s) of "
                            + out.size()
                            + " (first "
                            + out.data()[at]
                            + " at "
                            + Arrays.toString(position(out, at))
                            + "): float32 overflowed, so the weights or the input are far outside the trained range");
        }
    }

    /** The index of the {@code flat}-th element in row-major order. */
    private static int[] position(Tensor t, int flat) {
        int[] shape = t.shape();
        int[] index = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            index[i] = flat % shape[i];
            flat /= shape[i];
        }
        return index;
    }

    private static int firstNonFinite(Tensor t) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                return i;
            }
        }
        return -1;
    }
}
