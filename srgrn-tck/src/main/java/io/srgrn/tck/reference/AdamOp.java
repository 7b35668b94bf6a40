package io.srgrn.tck.reference;

import io.srgrn.api.spi.AdamSettings;

/**
 * One Adam update exactly as {@code torch.optim.Adam} (no weight decay, no amsgrad):
 *
 * <pre>
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * eps is added after the square root of the bias-corrected second moment.
 */
public final class AdamOp {
    private AdamOp() {}

    /**
     * Updates {@code param}, {@code m} and {@code v} in place.
     *
     * @param step the step number after this update, 1 for the first
     */
    public static void update(
            double[] param,
            double[] grad,
            double[] m,
            double[] v,
            long step,
            AdamSettings adam,
            double learningRate) {
        if (step < 1) {
            throw new IllegalArgumentException("Adam step number must be >= 1, got " + step);
        }
        double beta1 = adam.beta1(), beta2 = adam.beta2();
        double stepSize = learningRate / (1 - Math.pow(beta1, step));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        for (int i = 0; i < param.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
            v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
            double denom = Math.sqrt(v[i]) / correction2Sqrt + adam.eps();
            param[i] -= stepSize * m[i] / denom;
        }
    }
}
