package io.srgrn.api.spec;

import io.srgrn.api.ShapeMismatchException;
import java.util.Arrays;

/** Input checks shared by the specs, so every backend rejects a bad input with the same words. */
final class Shapes {
    private Shapes() {}

    /** Checks a rank-4 NCHW input with {@code channels} channels and returns it. */
    static int[] requireImage(String layer, int channels, int[] shape) {
        if (shape.length != 4) {
            throw new ShapeMismatchException(layer + " expects an input of rank 4 (N, C, H, W) with C = " + channels
                    + ", got rank " + shape.length + " " + Arrays.toString(shape));
        }
        if (shape[1] != channels) {
            throw new ShapeMismatchException(layer + " expects " + channels + " input channels, got " + shape[1]
                    + " in shape " + Arrays.toString(shape));
        }
        requirePositive(layer, shape);
        return shape;
    }

    /** Checks a rank-3 (N, C, L) input with {@code channels} channels. */
    static int[] requireSequence(String layer, int channels, int[] shape) {
        if (shape.length != 3) {
            throw new ShapeMismatchException(layer + " expects an input of rank 3 (N, C, L) with C = " + channels
                    + ", got rank " + shape.length + " " + Arrays.toString(shape));
        }
        if (shape[1] != channels) {
            throw new ShapeMismatchException(layer + " expects " + channels + " input channels, got " + shape[1]
                    + " in shape " + Arrays.toString(shape));
        }
        requirePositive(layer, shape);
        return shape;
    }

    private static void requirePositive(String layer, int[] shape) {
        for (int s : shape) {
            if (s < 1) {
                throw new ShapeMismatchException(layer + " got an empty dimension in shape " + Arrays.toString(shape));
            }
        }
    }
}
