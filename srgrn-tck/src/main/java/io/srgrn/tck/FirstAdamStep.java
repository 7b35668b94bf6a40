package io.srgrn.tck;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.DoubleTensor;
import java.util.Locale;

/**
 * Compares a first Adam step with the paper's eps (1e-8) to the golden one. That step is {@code lr
 * * g / (|g| + eps)}, about {@code lr * sign(g)}: for an element whose gradient is within float32
 * noise of zero its sign, and so a step of +-lr, is noise. Such elements (|g| below 1e-3 of the
 * tensor's RMS gradient, in the golden gradient) are left out of the relative error of the update
 * and only required to move by at most lr; the rest must move as the golden step does.
 */
final class FirstAdamStep {
    static final double NEAR_ZERO = 1e-3;

    private FirstAdamStep() {}

    /**
     * @param error normwise relative error of {@code after - before} over the kept elements
     * @param excluded elements left out as near-zero gradients
     * @param total elements in the tensor
     * @param largestExcludedStep the largest |after - before| among the left-out elements
     */
    record Comparison(double error, int excluded, int total, double largestExcludedStep) {
        String note() {
            return excluded == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " (%d of %d near-zero gradients left out)",
                            excluded,
                            total);
        }
    }

    static Comparison compare(
            Tensor before,
            Tensor actualAfter,
            Tensor expectedAfter,
            Tensor gradient,
            double learningRate) {
        float[] p0 = before.data(),
                actual = actualAfter.data(),
                expected = expectedAfter.data(),
                g = gradient.data();
        double rms = DoubleTensor.from(gradient).norm() / Math.sqrt(g.length);
        // left-out elements keep their start value on both sides, so they add nothing to the error
        float[] keptActual = p0.clone();
        double[] keptExpected = new double[g.length];
        int excluded = 0;
        double largestExcluded = 0;
        for (int i = 0; i < g.length; i++) {
            keptExpected[i] = p0[i];
            if (rms == 0 || Math.abs(g[i]) < NEAR_ZERO * rms) {
                excluded++;
                largestExcluded = Math.max(largestExcluded, Math.abs((double) actual[i] - p0[i]));
            } else {
                keptActual[i] = actual[i];
                keptExpected[i] = expected[i];
            }
        }
        // both the golden file and the backend hold the result in float32: one ulp between them is
        // rounding
        double error =
                UpdateError.of(
                        before,
                        Tensor.of(keptActual, before.shape()),
                        DoubleTensor.of(keptExpected, before.shape()),
                        1);
        return new Comparison(error, excluded, g.length, largestExcluded);
    }
}
