package io.srgrn.tck.reference;

/**
 * 1D convolution with kernel size 1 and bias (PyTorch's {@code conv1d} with {@code kernel_size=1}):
 * a linear map over the channel axis at every position, {@code out[b,o,l] = bias[o] + sum_i
 * w[o,i,0] * in[b,i,l]}. Input (B, Ci, L), weight (Co, Ci, 1), bias (Co), output (B, Co, L).
 */
public final class Conv1dOp {
    private Conv1dOp() {}

    public static DoubleTensor forward(DoubleTensor in, DoubleTensor weight, DoubleTensor bias) {
        int batch = in.dim(0), ci = in.dim(1), len = in.dim(2), co = weight.dim(0);
        double[] x = in.data(), wt = weight.data(), b = bias.data();
        DoubleTensor out = DoubleTensor.zeros(batch, co, len);
        double[] y = out.data();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < co; o++) {
                for (int l = 0; l < len; l++) {
                    double s = b[o];
                    for (int c = 0; c < ci; c++) {
                        s += wt[o * ci + c] * x[(n * ci + c) * len + l];
                    }
                    y[(n * co + o) * len + l] = s;
                }
            }
        }
        return out;
    }

    /** Gradients of {@code sum(forward(in, weight, bias) * upstream)}. */
    public static LinearGradients backward(
            DoubleTensor in, DoubleTensor weight, DoubleTensor upstream) {
        int batch = in.dim(0), ci = in.dim(1), len = in.dim(2), co = weight.dim(0);
        double[] x = in.data(), wt = weight.data(), gy = upstream.data();
        DoubleTensor dIn = DoubleTensor.zeros(in.shape());
        DoubleTensor dWeight = DoubleTensor.zeros(weight.shape());
        DoubleTensor dBias = DoubleTensor.zeros(co);
        double[] dx = dIn.data(), dw = dWeight.data(), db = dBias.data();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < co; o++) {
                for (int l = 0; l < len; l++) {
                    double g = gy[(n * co + o) * len + l];
                    db[o] += g;
                    for (int c = 0; c < ci; c++) {
                        dw[o * ci + c] += g * x[(n * ci + c) * len + l];
                        dx[(n * ci + c) * len + l] += g * wt[o * ci + c];
                    }
                }
            }
        }
        return new LinearGradients(dIn, dWeight, dBias);
    }
}
