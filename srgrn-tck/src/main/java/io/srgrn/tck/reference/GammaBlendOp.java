package io.srgrn.tck.reference;

/**
 * The learnable scalar blends of SPEC 3.4 and 3.5: GRUM's {@code gamma * a + (1 - gamma) * b} and
 * GRRB's {@code gamma * a + b}.
 */
public final class GammaBlendOp {
    private GammaBlendOp() {}

    /** Gradients of a blend: with respect to {@code a}, {@code b} and the scalar gamma. */
    public record Gradients(DoubleTensor a, DoubleTensor b, double gamma) {}

    /** GRUM: {@code gamma * a + (1 - gamma) * b}. */
    public static DoubleTensor mix(double gamma, DoubleTensor a, DoubleTensor b) {
        return a.times(gamma).plus(b.times(1 - gamma));
    }

    public static Gradients mixBackward(
            double gamma, DoubleTensor a, DoubleTensor b, DoubleTensor upstream) {
        return new Gradients(
                upstream.times(gamma),
                upstream.times(1 - gamma),
                upstream.dot(a) - upstream.dot(b));
    }

    /** GRRB: {@code gamma * a + b}. */
    public static DoubleTensor residual(double gamma, DoubleTensor a, DoubleTensor b) {
        return a.times(gamma).plus(b);
    }

    public static Gradients residualBackward(double gamma, DoubleTensor a, DoubleTensor upstream) {
        return new Gradients(upstream.times(gamma), upstream.copy(), upstream.dot(a));
    }
}
