package io.srgrn.metrics;

import io.srgrn.data.image.ByteImage;

/**
 * The luma (Y of ITU-R BT.601 YCbCr, {@code 16 + 65.481 R + 128.553 G + 24.966 B} for R, G, B in
 * [0, 1]) of 8-bit images, as MATLAB's {@code rgb2ycbcr} computes it, on a 0..255 scale.
 */
public final class YChannel {

    private static final double KR = 65.481;
    private static final double KG = 128.553;
    private static final double KB = 24.966;

    private YChannel() {}

    /**
     * {@code rgb2ycbcr(im2double(rgb)) * 255}, not rounded: the luma of the RDN evaluation script.
     * A single-channel image is taken as R = G = B.
     */
    public static double[] unrounded(ByteImage image) {
        double tr = KR / 255;
        double tg = KG / 255;
        double tb = KB / 255;
        double offset = 16.0 / 255;
        return luma(
                image,
                (r, g, b) ->
                        (tr * (r / 255.0) + tg * (g / 255.0) + tb * (b / 255.0) + offset) * 255);
    }

    /**
     * {@code rgb2ycbcr(rgb_uint8)}: the luma rounded (half away from zero) to 8 bits, as MATLAB's
     * {@code imlincomb} does for uint8. A single-channel image is taken as R = G = B.
     */
    public static double[] rounded(ByteImage image) {
        double tr = KR / 255;
        double tg = KG / 255;
        double tb = KB / 255;
        return luma(image, (r, g, b) -> Math.round(tr * r + tg * g + tb * b + 16));
    }

    /** The samples of a single-channel image as doubles (a grey image scored by its own value). */
    public static double[] grey(ByteImage image) {
        if (image.channels() != 1) {
            throw new IllegalArgumentException(
                    "expected a single-channel image, got " + image.channels() + " channels");
        }
        byte[] d = image.data();
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = d[i] & 0xFF;
        }
        return out;
    }

    private interface Combine {
        double apply(int r, int g, int b);
    }

    private static double[] luma(ByteImage image, Combine f) {
        int c = image.channels();
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException(
                    "luma needs a grey or RGB image, got " + c + " channels");
        }
        int p = image.planeSize();
        byte[] d = image.data();
        int go = c == 3 ? p : 0;
        int bo = c == 3 ? 2 * p : 0;
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            out[i] = f.apply(d[i] & 0xFF, d[go + i] & 0xFF, d[bo + i] & 0xFF);
        }
        return out;
    }
}
