package io.srgrn.data.resize;

/**
 * The two 1-D passes of the separable resize. The row pass (resizing the height) combines whole
 * input rows, so its inner loop runs over contiguous columns and vectorises; the column pass
 * gathers taps along each row. Each output sums its taps in table order starting from 0, the order
 * MATLAB's resize kernel uses, which matters for bit-exact 8-bit rounding.
 */
final class Passes {

    private Passes() {}

    /** Resizes the height of one 8-bit plane of the given width. */
    static void rows8(
            byte[] src,
            int srcOff,
            int width,
            ResizeWeights wh,
            byte[] dst,
            int dstOff,
            MatlabBicubic.PassBuffers buf) {
        double[] acc = buf.acc(width);
        int[] start = wh.start();
        int[] index = wh.index();
        double[] weight = wh.weight();
        for (int i = 0; i < wh.outLength(); i++) {
            java.util.Arrays.fill(acc, 0, width, 0.0);
            for (int t = start[i]; t < start[i + 1]; t++) {
                double wt = weight[t];
                int row = srcOff + index[t] * width;
                for (int x = 0; x < width; x++) {
                    acc[x] += wt * (src[row + x] & 0xFF);
                }
            }
            int o = dstOff + i * width;
            for (int x = 0; x < width; x++) {
                dst[o + x] = (byte) round8(acc[x]);
            }
        }
    }

    /** Resizes the width of each of {@code height} rows of an 8-bit plane. */
    static void columns8(
            byte[] src,
            int srcOff,
            int height,
            int width,
            ResizeWeights ww,
            byte[] dst,
            int dstOff) {
        int[] start = ww.start();
        int[] index = ww.index();
        double[] weight = ww.weight();
        int outW = ww.outLength();
        for (int y = 0; y < height; y++) {
            int row = srcOff + y * width;
            int o = dstOff + y * outW;
            for (int j = 0; j < outW; j++) {
                double sum = 0;
                for (int t = start[j]; t < start[j + 1]; t++) {
                    sum += weight[t] * (src[row + index[t]] & 0xFF);
                }
                dst[o + j] = (byte) round8(sum);
            }
        }
    }

    static void rowsD(
            double[] src, int srcOff, int width, ResizeWeights wh, double[] dst, int dstOff) {
        int[] start = wh.start();
        int[] index = wh.index();
        double[] weight = wh.weight();
        for (int i = 0; i < wh.outLength(); i++) {
            int o = dstOff + i * width;
            java.util.Arrays.fill(dst, o, o + width, 0.0);
            for (int t = start[i]; t < start[i + 1]; t++) {
                double wt = weight[t];
                int row = srcOff + index[t] * width;
                for (int x = 0; x < width; x++) {
                    dst[o + x] += wt * src[row + x];
                }
            }
        }
    }

    static void columnsD(
            double[] src,
            int srcOff,
            int height,
            int width,
            ResizeWeights ww,
            double[] dst,
            int dstOff) {
        int[] start = ww.start();
        int[] index = ww.index();
        double[] weight = ww.weight();
        int outW = ww.outLength();
        for (int y = 0; y < height; y++) {
            int row = srcOff + y * width;
            int o = dstOff + y * outW;
            for (int j = 0; j < outW; j++) {
                double sum = 0;
                for (int t = start[j]; t < start[j + 1]; t++) {
                    sum += weight[t] * src[row + index[t]];
                }
                dst[o + j] = sum;
            }
        }
    }

    /** MATLAB's uint8 conversion: round half away from zero, saturate to 0..255. */
    static int round8(double v) {
        if (v <= 0) {
            return 0;
        }
        if (v >= 255) {
            return 255;
        }
        return (int) Math.round(v);
    }
}
