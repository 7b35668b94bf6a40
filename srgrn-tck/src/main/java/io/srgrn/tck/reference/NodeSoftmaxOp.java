package io.srgrn.tck.reference;

/**
 * Softmax over axis 1 of a (B, N, L) tensor (SPEC 3.3: over the N nodes, so each of the L pixels' N
 * weights sum to 1). The maximum is subtracted first so large logits do not overflow.
 */
public final class NodeSoftmaxOp {
    private NodeSoftmaxOp() {}

    public static DoubleTensor forward(DoubleTensor logits) {
        int batch = logits.dim(0), nodes = logits.dim(1), len = logits.dim(2);
        double[] z = logits.data();
        DoubleTensor out = DoubleTensor.zeros(batch, nodes, len);
        double[] y = out.data();
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < len; l++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < nodes; n++) {
                    max = Math.max(max, z[(b * nodes + n) * len + l]);
                }
                double sum = 0;
                for (int n = 0; n < nodes; n++) {
                    int at = (b * nodes + n) * len + l;
                    y[at] = Math.exp(z[at] - max);
                    sum += y[at];
                }
                for (int n = 0; n < nodes; n++) {
                    y[(b * nodes + n) * len + l] /= sum;
                }
            }
        }
        return out;
    }

    /**
     * Gradient with respect to the logits, from the softmax output {@code y}: {@code dz_n = y_n *
     * (g_n - sum_m y_m g_m)}.
     */
    public static DoubleTensor backward(DoubleTensor softmax, DoubleTensor upstream) {
        int batch = softmax.dim(0), nodes = softmax.dim(1), len = softmax.dim(2);
        double[] y = softmax.data(), g = upstream.data();
        DoubleTensor grad = DoubleTensor.zeros(batch, nodes, len);
        double[] dz = grad.data();
        for (int b = 0; b < batch; b++) {
            for (int l = 0; l < len; l++) {
                double weighted = 0;
                for (int n = 0; n < nodes; n++) {
                    int at = (b * nodes + n) * len + l;
                    weighted += y[at] * g[at];
                }
                for (int n = 0; n < nodes; n++) {
                    int at = (b * nodes + n) * len + l;
                    dz[at] = y[at] * (g[at] - weighted);
                }
            }
        }
        return grad;
    }
}
