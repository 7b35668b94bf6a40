package io.srgrn.data.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit image in planar CHW layout; samples are unsigned bytes (read with {@code & 0xFF}). This
 * is the representation the SR literature's MATLAB scripts work on (uint8), so the degradations and
 * the metrics' quantised inputs use it. The array is shared, not copied.
 */
public record ByteImage(int channels, int height, int width, byte[] data) {

    public ByteImage {
        Objects.requireNonNull(data, "data");
        PlanarLayout.checkShape(channels, height, width, data.length);
    }

    public static ByteImage zeros(int channels, int height, int width) {
        return new ByteImage(
                channels, height, width, new byte[PlanarLayout.size(channels, height, width)]);
    }

    public int planeSize() {
        return height * width;
    }

    /** The sample as 0..255. */
    public int get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x] & 0xFF;
    }

    /** Samples mapped to [0, 1] as {@code v / 255}. */
    public PlanarImage toPlanar() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        return new PlanarImage(channels, height, width, out);
    }

    /**
     * Quantises a [0, 1] image to 8 bits: clamp, then round half up ({@code floor(v * 255 + 0.5)}),
     * the rule of SPEC section 3.5. NaN maps to 0.
     */
    public static ByteImage quantize(PlanarImage image) {
        float[] src = image.data();
        byte[] out = new byte[src.length];
        for (int i = 0; i < src.length; i++) {
            out[i] = (byte) quantizeSample(src[i]);
        }
        return new ByteImage(image.channels(), image.height(), image.width(), out);
    }

    /** One [0, 1] sample to 0..255, as {@link #quantize(PlanarImage)}. */
    public static int quantizeSample(double v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= 1) {
            return 255;
        }
        return (int) Math.floor(v * 255.0 + 0.5);
    }

    /** The region [top, top+h) x [left, left+w) of every channel (copied). */
    public ByteImage crop(int top, int left, int h, int w) {
        byte[] out = PlanarLayout.crop(data, channels, height, width, top, left, h, w, byte[]::new);
        return new ByteImage(channels, h, w, out);
    }

    /** One channel as a new single-channel image (copied). */
    public ByteImage channel(int channel) {
        Objects.checkIndex(channel, channels);
        byte[] plane = Arrays.copyOfRange(data, channel * planeSize(), (channel + 1) * planeSize());
        return new ByteImage(1, height, width, plane);
    }

    /** A single-channel image repeated into {@code n} identical channels. */
    public ByteImage replicate(int n) {
        byte[] out = PlanarLayout.replicate(data, channels, planeSize(), n, byte[]::new);
        return new ByteImage(n, height, width, out);
    }

    /** True when every channel equals the first (a grey image stored as RGB). */
    public boolean isGreyscaleContent() {
        int p = planeSize();
        for (int c = 1; c < channels; c++) {
            if (!Arrays.equals(data, c * p, (c + 1) * p, data, 0, p)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteImage b
                && channels == b.channels
                && height == b.height
                && width == b.width
                && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * channels + height) + width) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ByteImage[" + channels + "x" + height + "x" + width + "]";
    }
}
