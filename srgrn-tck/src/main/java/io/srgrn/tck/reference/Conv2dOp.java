package io.srgrn.tck.reference;

/**
 * 2D cross-correlation with bias, stride 1, zero padding {@code kernel / 2} on each side (PyTorch's
 * {@code conv2d}): {@code out[b,o,y,x] = bias[o] + sum_{i,ky,kx} w[o,i,ky,kx] *
 * in[b,i,y+ky-p,x+kx-p]}. Input (B, Ci, H, W), weight (Co, Ci, k, k), bias (Co), output (B, Co, H,
 * W).
 */
public final class Conv2dOp {
    private Conv2dOp() {}

    public static DoubleTensor forward(DoubleTensor in, DoubleTensor weight, DoubleTensor bias) {
        int batch = in.dim(0), ci = in.dim(1), h = in.dim(2), w = in.dim(3);
        int co = weight.dim(0), k = weight.dim(2), p = k / 2;
        double[] x = in.data(), wt = weight.data(), b = bias.data();
        DoubleTensor out = DoubleTensor.zeros(batch, co, h, w);
        double[] y = out.data();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < co; o++) {
                int outBase = (n * co + o) * h * w;
                for (int i = 0; i < h * w; i++) {
                    y[outBase + i] = b[o];
                }
                for (int c = 0; c < ci; c++) {
                    int inBase = (n * ci + c) * h * w;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            double wv = wt[((o * ci + c) * k + ky) * k + kx];
                            // output rows/cols whose tap (ky, kx) falls inside the input
                            int y0 = Math.max(0, p - ky), y1 = Math.min(h, h + p - ky);
                            int x0 = Math.max(0, p - kx), x1 = Math.min(w, w + p - kx);
                            for (int r = y0; r < y1; r++) {
                                int outRow = outBase + r * w;
                                int inRow = inBase + (r + ky - p) * w + (kx - p);
                                for (int s = x0; s < x1; s++) {
                                    y[outRow + s] += wv * x[inRow + s];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Gradients of {@code sum(forward(in, weight, bias) * upstream)}. */
    public static LinearGradients backward(
            DoubleTensor in, DoubleTensor weight, DoubleTensor upstream) {
        int batch = in.dim(0), ci = in.dim(1), h = in.dim(2), w = in.dim(3);
        int co = weight.dim(0), k = weight.dim(2), p = k / 2;
        double[] x = in.data(), wt = weight.data(), gy = upstream.data();
        DoubleTensor dIn = DoubleTensor.zeros(in.shape());
        DoubleTensor dWeight = DoubleTensor.zeros(weight.shape());
        DoubleTensor dBias = DoubleTensor.zeros(co);
        double[] dx = dIn.data(), dw = dWeight.data(), db = dBias.data();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < co; o++) {
                int outBase = (n * co + o) * h * w;
                for (int i = 0; i < h * w; i++) {
                    db[o] += gy[outBase + i];
                }
                for (int c = 0; c < ci; c++) {
                    int inBase = (n * ci + c) * h * w;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int wi = ((o * ci + c) * k + ky) * k + kx;
                            double wv = wt[wi];
                            double acc = 0;
                            int y0 = Math.max(0, p - ky), y1 = Math.min(h, h + p - ky);
                            int x0 = Math.max(0, p - kx), x1 = Math.min(w, w + p - kx);
                            for (int r = y0; r < y1; r++) {
                                int outRow = outBase + r * w;
                                int inRow = inBase + (r + ky - p) * w + (kx - p);
                                for (int s = x0; s < x1; s++) {
                                    acc += gy[outRow + s] * x[inRow + s];
                                    dx[inRow + s] += gy[outRow + s] * wv;
                                }
                            }
                            dw[wi] += acc;
                        }
                    }
                }
            }
        }
        return new LinearGradients(dIn, dWeight, dBias);
    }
}
