package io.srgrn.tck;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.DoubleTensor;

/**
 * Error of an optimiser update {@code after - before} against an expected one, net of float32
 * storage. A parameter held in float32 cannot land closer to the exact result than half a unit in
 * the last place, and small updates (a gradient far below Adam's eps) are only a few ulps of the
 * parameter, so the relative error of the update alone would mostly measure that rounding. {@code
 * ulps} units in the last place of each parameter are therefore forgiven:
 *
 * <pre>error = max(0, ||after - expected|| - ulps * ||ulp(after)||) / ||expected - before||</pre>
 */
final class UpdateError {
    private UpdateError() {}

    static double of(Tensor before, Tensor after, DoubleTensor expectedAfter, double ulps) {
        float[] p0 = before.data(), p1 = after.data();
        double[] e = expectedAfter.data();
        double diff = 0, allowance = 0, update = 0;
        for (int i = 0; i < p1.length; i++) {
            double d = p1[i] - e[i];
            diff += d * d;
            double u = Math.ulp(p1[i]);
            allowance += u * u;
            double step = e[i] - p0[i];
            update += step * step;
        }
        double excess = Math.max(0, Math.sqrt(diff) - ulps * Math.sqrt(allowance));
        return update == 0 ? excess : excess / Math.sqrt(update);
    }
}
