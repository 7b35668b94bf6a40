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
        PlanarLayout.checkShape(channels, height, width, data.length);
    }

    /** A zero-filled image. */
    public static PlanarImage zeros(int channels, int height, int width) {
        return new PlanarImage(
                channels, height, width, new float[PlanarLayout.size(channels, height, width)]);
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
        float[] out =
                PlanarLayout.crop(data, channels, height, width, top, left, h, w, float[]::new);
        return new PlanarImage(channels, h, w, out);
    }

    /** A single-channel image repeated into {@code n} identical channels. */
    public PlanarImage replicate(int n) {
        float[] out = PlanarLayout.replicate(data, channels, planeSize(), n, float[]::new);
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
