package io.srgrn.tck;

import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random parameters and tensors for the checks: the same seed gives the same values
 * everywhere.
 */
public final class SeededTensors {
    private SeededTensors() {}

    /**
     * SPEC initial values from {@link Initializer}, except that parameters SPEC initialises to zero
     * (the gammas) get values in [0.2, 0.8]: with gamma = 0 the reasoning branches would not reach
     * the output and their gradients would be zero, so nothing about them would be checked.
     */
    public static Map<String, Tensor> parameters(LayerSpec spec, long seed) {
        Map<String, Tensor> params = new LinkedHashMap<>(Initializer.initialize(spec, seed));
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (ParamSpec p : spec.parameters()) {
            if (p.init() == ParamSpec.Init.ZERO) {
                Tensor t = Tensor.zeros(p.shape());
                float[] d = t.data();
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (0.2 + 0.6 * random.nextDouble());
                }
                params.put(p.name(), t);
            }
        }
        return params;
    }

    /** Standard normal values (Box-Muller, so the values do not depend on the JDK's Random). */
    public static Tensor normal(long seed, int... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            d[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return t;
    }
}
