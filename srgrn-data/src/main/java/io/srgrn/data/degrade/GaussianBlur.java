package io.srgrn.data.degrade;

import io.srgrn.data.image.ByteImage;

/** MATLAB's {@code fspecial('gaussian', n, sigma)} and {@code imfilter(uint8, h, 'replicate')}. */
public final class GaussianBlur {

    private GaussianBlur() {}

    /**
     * The normalised n x n Gaussian, row-major, computed as {@code fspecial} does: exp of {@code
     * -(x^2 + y^2) / (2 sigma^2)}, values below {@code eps * max} zeroed, divided by the sum (taken
     * in MATLAB's column-major order).
     */
    public static double[] kernel(int n, double sigma) {
        int r = (n - 1) / 2;
        double[] h = new double[n * n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double y = i - r;
                double x = j - r;
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                h[i * n + j] = v;
                max = Math.max(max, v);
            }
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (h[i * n + j] < Math.ulp(1.0) * max) {
                    h[i * n + j] = 0;
                }
                sum += h[i * n + j];
            }
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /**
     * Correlates each channel with the square kernel, borders replicated, the result rounded half
     * away from zero and clipped to 0..255 (uint8 output as in MATLAB). Each output sums its n*n
     * terms in row-major kernel order; the loops run over whole rows so that they vectorise, which
     * leaves that per-sample order (and so the rounding) unchanged.
     */
    public static ByteImage blur(ByteImage image, double[] kernel) {
        int n = (int) Math.round(Math.sqrt(kernel.length));
        if (n * n != kernel.length || n % 2 == 0) {
            throw new IllegalArgumentException(
                    "kernel must be square with an odd side, got " + kernel.length + " values");
        }
        int r = n / 2;
        int h = image.height();
        int w = image.width();
        int pw = w + 2 * r;
        byte[] src = image.data();
        byte[] out = new byte[src.length];
        double[] padded = new double[h * pw];
        double[] acc = new double[w];
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < h; y++) {
                int row = plane + y * w;
                int p = y * pw;
                for (int x = -r; x < w + r; x++) {
                    padded[p + x + r] = src[row + Math.max(0, Math.min(w - 1, x))] & 0xFF;
                }
            }
            for (int y = 0; y < h; y++) {
                java.util.Arrays.fill(acc, 0.0);
                for (int i = 0; i < n; i++) {
                    int p = Math.max(0, Math.min(h - 1, y + i - r)) * pw;
                    for (int j = 0; j < n; j++) {
                        double k = kernel[i * n + j];
                        int q = p + j;
                        for (int x = 0; x < w; x++) {
                            acc[x] += k * padded[q + x];
                        }
                    }
                }
                int o = plane + y * w;
                for (int x = 0; x < w; x++) {
                    double v = acc[x];
                    out[o + x] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
                }
            }
        }
        return new ByteImage(image.channels(), h, w, out);
    }
}
