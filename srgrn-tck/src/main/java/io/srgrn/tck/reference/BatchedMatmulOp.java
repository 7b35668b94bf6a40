package io.srgrn.tck.reference;

import java.util.Arrays;

/**
 * {@code a @ b} per batch entry: (B, M, K) times (B, K, N) gives (B, M, N); and the transpose of
 * the last two axes.
 */
public final class BatchedMatmulOp {
    private BatchedMatmulOp() {}

    public static DoubleTensor forward(DoubleTensor a, DoubleTensor b) {
        int batch = a.dim(0), m = a.dim(1), k = a.dim(2), n = b.dim(2);
        if (b.dim(0) != batch || b.dim(1) != k) {
            throw new IllegalArgumentException(
                    "matmul: " + Arrays.toString(a.shape()) + " @ " + Arrays.toString(b.shape()));
        }
        double[] x = a.data(), y = b.data();
        DoubleTensor out = DoubleTensor.zeros(batch, m, n);
        double[] z = out.data();
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    double av = x[(p * m + i) * k + q];
                    int bRow = (p * k + q) * n;
                    int outRow = (p * m + i) * n;
                    for (int j = 0; j < n; j++) {
                        z[outRow + j] += av * y[bRow + j];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Gradients of {@code sum((a @ b) * upstream)}: {@code upstream @ b^T} and {@code a^T @
     * upstream}.
     */
    public static PairGradients backward(DoubleTensor a, DoubleTensor b, DoubleTensor upstream) {
        return new PairGradients(forward(upstream, transpose(b)), forward(transpose(a), upstream));
    }

    /** (B, M, N) to (B, N, M). Its gradient is the transpose of the upstream gradient. */
    public static DoubleTensor transpose(DoubleTensor t) {
        int batch = t.dim(0), m = t.dim(1), n = t.dim(2);
        double[] x = t.data();
        DoubleTensor out = DoubleTensor.zeros(batch, n, m);
        double[] y = out.data();
        for (int p = 0; p < batch; p++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    y[(p * n + j) * m + i] = x[(p * m + i) * n + j];
                }
            }
        }
        return out;
    }
}
