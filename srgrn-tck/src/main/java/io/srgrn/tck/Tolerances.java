package io.srgrn.tck;

/**
 * The largest normwise relative error {@code ||a - b|| / ||b||} each kind of check accepts.
 *
 * @param output forward outputs and the loss, against the double reference or the golden cases
 * @param gradient input and parameter gradients
 * @param adamUpdate the change Adam makes to each parameter ({@code after - before}), which
 *     inherits the gradients' error
 */
public record Tolerances(double output, double gradient, double adamUpdate) {
    public Tolerances {
        if (!(output > 0) || !(gradient > 0) || !(adamUpdate > 0)) {
            throw new IllegalArgumentException(
                    "tolerances must be positive, got output="
                            + output
                            + ", gradient="
                            + gradient
                            + ", adamUpdate="
                            + adamUpdate);
        }
    }

    /**
     * For backends that compute in float32. float32 rounds at 6e-8; a forward pass of these depths
     * (at most ~20 layers of short sums) stays below ~1e-6, so 1e-5 for outputs leaves a margin of
     * ten while any wrong formula, order or index gives errors of order 1e-2 to 1. Backward passes
     * sum longer products and some parameter gradients (the gammas, the node projections under
     * MEAN) are small sums of large terms that cancel, so they get 1e-4. Adam's update is a smooth
     * function of the gradient in the kit's settings (eps 1e-3), so it gets the gradient tolerance.
     */
    public static Tolerances float32() {
        return new Tolerances(1e-5, 1e-4, 1e-4);
    }
}
