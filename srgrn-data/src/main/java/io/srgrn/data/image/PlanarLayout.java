package io.srgrn.data.image;

import java.util.function.IntFunction;

/**
 * The planar CHW layout that {@link PlanarImage} (float) and {@link ByteImage} (8-bit) share: the
 * shape check and the copies that only move samples, written once for both element types.
 */
final class PlanarLayout {
    private PlanarLayout() {}

    /** Dimensions positive, and {@code length == channels * height * width}. */
    static void checkShape(int channels, int height, int width, int length) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(
                    "image dimensions must be positive, got channels="
                            + channels
                            + " height="
                            + height
                            + " width="
                            + width);
        }
        long expected = (long) channels * height * width;
        if (length != expected) {
            throw new IllegalArgumentException(
                    "data length "
                            + length
                            + " does not match channels*height*width = "
                            + channels
                            + "*"
                            + height
                            + "*"
                            + width
                            + " = "
                            + expected);
        }
    }

    /** {@code channels * height * width}, refusing what an array cannot hold. */
    static int size(int channels, int height, int width) {
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** The samples of [top, top+h) x [left, left+w) of every channel, in a new array. */
    static <A> A crop(
            A data,
            int channels,
            int height,
            int width,
            int top,
            int left,
            int h,
            int w,
            IntFunction<A> newArray) {
        if (top < 0 || left < 0 || h <= 0 || w <= 0 || top + h > height || left + w > width) {
            throw new IllegalArgumentException(
                    "crop (top="
                            + top
                            + ", left="
                            + left
                            + ", h="
                            + h
                            + ", w="
                            + w
                            + ") is outside the "
                            + height
                            + "x"
                            + width
                            + " image");
        }
        A out = newArray.apply(channels * h * w);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(
                        data, (c * height + top + y) * width + left, out, (c * h + y) * w, w);
            }
        }
        return out;
    }

    /** A single plane's samples repeated {@code n} times, in a new array. */
    static <A> A replicate(A data, int channels, int planeSize, int n, IntFunction<A> newArray) {
        if (channels != 1) {
            throw new IllegalStateException(
                    "only a single-channel image can be replicated, this one has " + channels);
        }
        A out = newArray.apply(n * planeSize);
        for (int c = 0; c < n; c++) {
            System.arraycopy(data, 0, out, c * planeSize, planeSize);
        }
        return out;
    }
}
