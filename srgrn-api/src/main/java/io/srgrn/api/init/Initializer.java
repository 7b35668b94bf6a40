package io.srgrn.api.init;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded initial parameters (SPEC 4), computed in Java so that the same seed gives the same model
 * on every backend: conv weights and biases uniform in +-1/sqrt(fanIn) (what PyTorch's {@code
 * kaiming_uniform_(a=sqrt(5))} and bias defaults reduce to), gammas 0.
 */
public final class Initializer {
    private Initializer() {}

    /** Initial values for every parameter of {@code spec}, in spec order. */
    public static Map<String, Tensor> initialize(LayerSpec spec, long seed) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            // One stream per parameter, derived from its name: a parameter's values do not depend
            // on
            // which other parameters exist (ablations keep the shared layers' initial values).
            SplittableRandom random =
                    new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.name().hashCode());
            Tensor t = Tensor.zeros(p.shape());
            if (p.init() == ParamSpec.Init.UNIFORM_FAN_IN) {
                double bound = 1.0 / Math.sqrt(p.fanIn());
                float[] d = t.data();
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
            out.put(p.name(), t);
        }
        return out;
    }
}
