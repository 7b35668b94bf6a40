package io.srgrn.data.image;

import java.util.Objects;

/**
 * A float image in planar CHW layout (channel, then row, then column; rows are row-major), values
 * nominally in [0, 1]. An 8-bit sample {@code v} maps to {@code v / 255}.
 *
 * <p>The data array is shared, not copied: the class is immutable by convention, and code that
 * receives a {@code PlanarImage} must not write into {@link #data()}.
 */
public record PlanarImage(int channels, int height, int width, float[] data) {

    public PlanarImage {
        Objects.requireNonNull(data, "data");
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
        if (data.length != expected) {
            throw new IllegalArgumentException(
                    "data length "
                            + data.length
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

    /** A zero-filled image. */
    public static PlanarImage zeros(int channels, int height, int width) {
        return new PlanarImage(
                channels,
                height,
                width,
                new float[Math.multiplyExact(Math.multiplyExact(channels, height), width)]);
    }

    public int planeSize() {
        return height * width;
    }

    public float get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x];
    }

    /** One channel as a new single-channel image (copied). */
    public PlanarImage channel(int channel) {
        Objects.checkIndex(channel, channels);
        float[] plane = new float[planeSize()];
        System.arraycopy(data, channel * planeSize(), plane, 0, plane.length);
        return new PlanarImage(1, height, width, plane);
    }

    /** The region [top, top+h) x [left, left+w) of every channel (copied). */
    public PlanarImage crop(int top, int left, int h, int w) {
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
        float[] out = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(
                        data, (c * height + top + y) * width + left, out, (c * h + y) * w, w);
            }
        }
        return new PlanarImage(channels, h, w, out);
    }

    /** A single-channel image repeated into {@code n} identical channels. */
    public PlanarImage replicate(int n) {
        if (channels != 1) {
            throw new IllegalStateException(
                    "only a single-channel image can be replicated, this one has " + channels);
        }
        float[] out = new float[n * planeSize()];
        for (int c = 0; c < n; c++) {
            System.arraycopy(data, 0, out, c * planeSize(), planeSize());
        }
        return new PlanarImage(n, height, width, out);
    }

    /** Whether both images have the same shape and bit-identical samples. */
    public boolean sameContent(PlanarImage other) {
        return other != null
                && channels == other.channels
                && height == other.height
                && width == other.width
                && java.util.Arrays.equals(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanarImage p && sameContent(p);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PlanarImage[" + channels + "x" + height + "x" + width + "]";
    }
}
