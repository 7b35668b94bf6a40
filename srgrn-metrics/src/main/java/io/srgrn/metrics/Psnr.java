package io.srgrn.metrics;

import io.srgrn.data.image.ByteImage;

/**
 * Peak signal-to-noise ratio, {@code 10 log10(peak^2 / mse)} over the image with {@code shave}
 * pixels removed from every border, as the RDN scripts compute it. Identical inputs give {@code
 * +Infinity}.
 */
public final class Psnr {

    private Psnr() {}

    /** PSNR of two planes of {@code height x width} samples on a 0..peak scale. */
    public static double of(double[] a, double[] b, int height, int width, int shave, double peak) {
        Planes.checkPair(a, b, height, width, shave, 1);
        return fromMse(mse(a, b, 1, height, width, shave), peak);
    }

    /** PSNR over all channels of two 8-bit images (the "RGB PSNR" option), peak 255. */
    public static double rgb(ByteImage a, ByteImage b, int shave) {
        Planes.checkSameShape(a, b);
        Planes.checkShave(a.height(), a.width(), shave, 1);
        int c = a.channels();
        int h = a.height();
        int w = a.width();
        byte[] x = a.data();
        byte[] y = b.data();
        double sum = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int r = shave; r < h - shave; r++) {
                int row = (ch * h + r) * w;
                for (int col = shave; col < w - shave; col++) {
                    double d = (x[row + col] & 0xFF) - (y[row + col] & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / ((double) c * (h - 2 * shave) * (w - 2 * shave));
        return fromMse(mse, 255);
    }

    /** {@code 10 log10(peak^2 / mse)}. */
    public static double fromMse(double mse, double peak) {
        return 10 * Math.log10(peak * peak / mse);
    }

    static double mse(double[] a, double[] b, int channels, int height, int width, int shave) {
        double sum = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int r = shave; r < height - shave; r++) {
                int row = (ch * height + r) * width;
                for (int col = shave; col < width - shave; col++) {
                    double d = a[row + col] - b[row + col];
                    sum += d * d;
                }
            }
        }
        return sum / ((double) channels * (height - 2 * shave) * (width - 2 * shave));
    }
}
