package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * {@code Conv1d(in, out, 1)} and LeakyReLU in double on the host, for the node states: they are (N
 * x C) per image, a few thousand values, so running them on the host costs nothing and avoids a
 * backend call per image.
 */
final class HostConv1d {
    private final float[] weight;
    private final float[] bias;
    private final int in;
    private final int out;

    HostConv1d(Tensor weight, Tensor bias) {
        this.weight = weight.data();
        this.bias = bias.data();
        this.out = weight.dim(0);
        this.in = weight.dim(1);
    }

    /** {@code x} is (in, L); the result (out, L). */
    double[][] apply(double[][] x) {
        int length = x[0].length;
        double[][] y = new double[out][length];
        for (int o = 0; o < out; o++) {
            for (int l = 0; l < length; l++) {
                double s = bias[o];
                for (int i = 0; i < in; i++) {
                    s += weight[o * in + i] * x[i][l];
                }
                y[o][l] = s;
            }
        }
        return y;
    }

    static double[][] leakyRelu(double[][] x, double slope) {
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] < 0) {
                    row[i] *= slope;
                }
            }
        }
        return x;
    }

    static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }
}
