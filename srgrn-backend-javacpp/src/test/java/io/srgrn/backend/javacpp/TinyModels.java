package io.srgrn.backend.javacpp;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;

/**
 * Small SRGRNs for fast tests, with seeded weights and non-zero gammas (so the graph branches
 * count).
 */
final class TinyModels {
    private TinyModels() {}

    /** G0 8, D 2, C 2, G 4, N 4, alpha 2. */
    static SrgrnConfig config(int scale, NodeAggregation aggregation) {
        return new SrgrnConfig(scale, 3, 3, 8, 2, 2, 4, 4, 2, 0.2, aggregation, true, true);
    }

    /** Seeded initial weights with every gamma set to {@code gamma}. */
    static Map<String, Tensor> weights(LayerSpec spec, long seed, float gamma) {
        Map<String, Tensor> w = Initializer.initialize(spec, seed);
        for (ParamSpec p : spec.parameters()) {
            if (p.init() == ParamSpec.Init.ZERO) {
                w.put(p.name(), Tensor.full(gamma, p.shape()));
            }
        }
        return w;
    }
}
