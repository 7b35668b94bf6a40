package io.srgrn.tck.reference;

/** {@code max(x, 0)}; its derivative is taken as 0 at 0, as PyTorch does. */
public final class ReluOp {
    private ReluOp() {}

    public static DoubleTensor forward(DoubleTensor in) {
        double[] x = in.data();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] > 0 ? x[i] : 0;
        }
        return DoubleTensor.of(y, in.shape());
    }

    /** Gradient with respect to the input {@code in} that produced the output. */
    public static DoubleTensor backward(DoubleTensor in, DoubleTensor upstream) {
        double[] x = in.data(), g = upstream.data();
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] > 0 ? g[i] : 0;
        }
        return DoubleTensor.of(d, in.shape());
    }
}
