package io.srgrn.data.degrade;

import io.srgrn.data.image.ByteImage;

/** MATLAB's {@code fspecial('gaussian', n, sigma)} and {@code imfilter(uint8, h, 'replicate')}. */
public final class GaussianBlur {

    private GaussianBlur() {
    }

    /**
     * The normalised n x n Gaussian, row-major, computed as {@code fspecial} does: exp of
     * {@code -(x^2 + y^2) / (2 sigma^2)}, values below {@code eps * max} zeroed, divided by the sum
     * (taken in MATLAB's column-major order).
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
     * away from zero and clipped to 0..255 (uint8 output as in MATLAB).
     */
    public static ByteImage blur(ByteImage image, double[] kernel) {
        int n = (int) Math.round(Math.sqrt(kernel.length));
        if (n * n != kernel.length || n % 2 == 0) {
            throw new IllegalArgumentException("kernel must be square with an odd side, got " + kernel.length + " values");
        }
        int r = n / 2;
        int h = image.height();
        int w = image.width();
        byte[] src = image.data();
        byte[] out = new byte[src.length];
        int[] colIdx = new int[w + 2 * r];
        for (int x = -r; x < w + r; x++) {
            colIdx[x + r] = Math.max(0, Math.min(w - 1, x));
        }
        for (int c = 0; c < image.channels(); c++) {
            int plane = c * h * w;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        int row = plane + Math.max(0, Math.min(h - 1, y + i - r)) * w;
                        int kr = i * n;
                        for (int j = 0; j < n; j++) {
                            sum += kernel[kr + j] * (src[row + colIdx[x + j]] & 0xFF);
                        }
                    }
                    out[plane + y * w + x] = (byte) (sum <= 0 ? 0 : sum >= 255 ? 255 : Math.round(sum));
                }
            }
        }
        return new ByteImage(image.channels(), h, w, out);
    }
}
