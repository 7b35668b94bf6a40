package io.srgrn.metrics;

/**
 * SSIM as Wang et al. 2004 and their {@code ssim_index.m} (which RDN's evaluation uses): 11x11
 * Gaussian window with sigma 1.5 normalised to sum 1, K1 = 0.01, K2 = 0.03, data range 255,
 * statistics over the "valid" region only, the score the mean of the SSIM map.
 *
 * <p>The Gaussian window is separable, so the five local statistics are filtered as rows, then
 * columns, streaming through a ring of 11 filtered rows: O(22) multiply-adds per statistic and
 * pixel instead of 121, memory independent of the image height. Everything is double: the variances
 * are differences of large numbers ({@code E[x^2] - mu^2} with x up to 255).
 */
public final class Ssim {

    /** Window side. */
    public static final int WINDOW = 11;

    /** Gaussian sigma of the window. */
    public static final double SIGMA = 1.5;

    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    /** Data range of the inputs. */
    public static final double RANGE = 255;

    private static final double C1 = (K1 * RANGE) * (K1 * RANGE);
    private static final double C2 = (K2 * RANGE) * (K2 * RANGE);
    private static final int R = WINDOW / 2;
    private static final double[] G = gaussian();

    private Ssim() {}

    /**
     * Mean SSIM of two planes on a 0..255 scale after shaving {@code shave} pixels from every
     * border.
     */
    public static double of(double[] a, double[] b, int height, int width, int shave) {
        Planes.checkPair(a, b, height, width, shave, WINDOW);
        int h = height - 2 * shave;
        int w = width - 2 * shave;
        int outH = h - 2 * R;
        int outW = w - 2 * R;
        // Inputs of one row and their products.
        double[][] in = new double[5][w];
        // ring[q][slot]: row-filtered statistic q of input row (slot mod 11).
        double[][][] ring = new double[5][WINDOW][outW];
        double[][] col = new double[5][outW];
        double sum = 0;
        for (int y = 0; y < h; y++) {
            int src = (y + shave) * width + shave;
            double[] x1 = in[0];
            double[] x2 = in[1];
            double[] x11 = in[2];
            double[] x22 = in[3];
            double[] x12 = in[4];
            for (int j = 0; j < w; j++) {
                double p = a[src + j];
                double q = b[src + j];
                x1[j] = p;
                x2[j] = q;
                x11[j] = p * p;
                x22[j] = q * q;
                x12[j] = p * q;
            }
            int slot = y % WINDOW;
            for (int s = 0; s < 5; s++) {
                filterRow(in[s], ring[s][slot], outW);
            }
            if (y >= 2 * R) {
                int first = y - 2 * R;
                for (int s = 0; s < 5; s++) {
                    filterColumn(ring[s], first, col[s], outW);
                }
                sum += rowSum(col, outW);
            }
        }
        return sum / ((double) outH * outW);
    }

    /** The 1-D normalised Gaussian whose outer product is {@code fspecial('gaussian', 11, 1.5)}. */
    static double[] gaussian() {
        double[] g = new double[WINDOW];
        double s = 0;
        for (int k = 0; k < WINDOW; k++) {
            double d = k - R;
            g[k] = Math.exp(-(d * d) / (2 * SIGMA * SIGMA));
            s += g[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            g[k] /= s;
        }
        return g;
    }

    /** out[j] = sum_k G[k] * in[j + k], pairing the symmetric taps. */
    private static void filterRow(double[] in, double[] out, int n) {
        double gc = G[R];
        for (int j = 0; j < n; j++) {
            out[j] = gc * in[j + R];
        }
        for (int k = 0; k < R; k++) {
            double gk = G[k];
            int m = 2 * R - k;
            for (int j = 0; j < n; j++) {
                out[j] += gk * (in[j + k] + in[j + m]);
            }
        }
    }

    /** out[j] = sum_k G[k] * rows[(first + k) mod 11][j]. */
    private static void filterColumn(double[][] rows, int first, double[] out, int n) {
        double[] centre = rows[(first + R) % WINDOW];
        double gc = G[R];
        for (int j = 0; j < n; j++) {
            out[j] = gc * centre[j];
        }
        for (int k = 0; k < R; k++) {
            double gk = G[k];
            double[] top = rows[(first + k) % WINDOW];
            double[] bottom = rows[(first + 2 * R - k) % WINDOW];
            for (int j = 0; j < n; j++) {
                out[j] += gk * (top[j] + bottom[j]);
            }
        }
    }

    private static double rowSum(double[][] stats, int n) {
        double[] mu1 = stats[0];
        double[] mu2 = stats[1];
        double[] e11 = stats[2];
        double[] e22 = stats[3];
        double[] e12 = stats[4];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double m1 = mu1[j];
            double m2 = mu2[j];
            double m1sq = m1 * m1;
            double m2sq = m2 * m2;
            double m12 = m1 * m2;
            double s1 = e11[j] - m1sq;
            double s2 = e22[j] - m2sq;
            double s12 = e12[j] - m12;
            sum += ((2 * m12 + C1) * (2 * s12 + C2)) / ((m1sq + m2sq + C1) * (s1 + s2 + C2));
        }
        return sum;
    }
}
