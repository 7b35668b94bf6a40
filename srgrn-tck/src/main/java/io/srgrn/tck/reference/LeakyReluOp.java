package io.srgrn.tck.reference;

/**
 * {@code x} for x > 0, else {@code slope * x}; the derivative at 0 is {@code slope}, as PyTorch's.
 */
public final class LeakyReluOp {
    private LeakyReluOp() {}

    public static DoubleTensor forward(DoubleTensor in, double slope) {
        double[] x = in.data();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : slope * x[i];
        }
        return DoubleTensor.of(y, in.shape());
    }

    /** Gradient with respect to the input {@code in} that produced the output. */
    public static DoubleTensor backward(DoubleTensor in, DoubleTensor upstream, double slope) {
        double[] x = in.data(), g = upstream.data();
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] > 0 ? g[i] : slope * g[i];
        }
        return DoubleTensor.of(d, in.shape());
    }
}
