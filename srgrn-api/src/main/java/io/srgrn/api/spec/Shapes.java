package io.srgrn.api.spec;

import io.srgrn.api.ShapeMismatchException;
import java.util.Arrays;

/** Input checks shared by the specs, so every backend rejects a bad input with the same words. */
final class Shapes {
    private Shapes() {}

    /** Checks a rank-4 NCHW input with {@code channels} channels and returns it. */
    static int[] requireImage(String layer, int channels, int[] shape) {
        return require(layer, channels, shape, "(N, C, H, W)");
    }

    /** Checks a rank-3 (N, C, L) input with {@code channels} channels. */
    static int[] requireSequence(String layer, int channels, int[] shape) {
        return require(layer, channels, shape, "(N, C, L)");
    }

    private static int[] require(String layer, int channels, int[] shape, String layout) {
        int rank = layout.split(",").length;
        if (shape.length != rank) {
            throw new ShapeMismatchException(
                    layer
                            + " expects an input of rank "
                            + rank
                            + " "
                            + layout
                            + " with C = "
                            + channels
                            + ", got rank "
                            + shape.length
                            + " "
                            + Arrays.toString(shape));
        }
        if (shape[1] != channels) {
            throw new ShapeMismatchException(
                    layer
                            + " expects "
                            + channels
                            + " input channels, got "
                            + shape[1]
                            + " in shape "
                            + Arrays.toString(shape));
        }
        requirePositive(layer, shape);
        return shape;
    }

    private static void requirePositive(String layer, int[] shape) {
        for (int s : shape) {
            if (s < 1) {
                throw new ShapeMismatchException(
                        layer + " got an empty dimension in shape " + Arrays.toString(shape));
            }
        }
    }
}
