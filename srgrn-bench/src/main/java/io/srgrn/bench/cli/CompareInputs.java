package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.WeightsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every backend gets in {@code srgrn compare}: one set of seeded weights and seeded inputs,
 * written to files that each worker JVM reads.
 */
record CompareInputs(Path weights, Path tensors) {
    static final String FORWARD_INPUT = "forward.input";
    static final String TRAIN_LR = "train.lr";
    static final String TRAIN_HR = "train.hr";

    /**
     * The gammas start at 0 (SPEC 4), which would switch off the graph-reasoning branches; they are
     * set to 0.5 so that the comparison covers every path of the network.
     */
    static final float GAMMA_FOR_COMPARISON = 0.5f;

    static CompareInputs write(Path dir, SrgrnConfig config, long seed, int size, int batch) {
        SrgrnSpec spec = new SrgrnSpec(config);
        Map<String, Tensor> params = new LinkedHashMap<>(Initializer.initialize(spec, seed));
        for (ParamSpec p : spec.parameters()) {
            if (p.init() == ParamSpec.Init.ZERO) {
                params.put(p.name(), Tensor.full(GAMMA_FOR_COMPARISON, p.shape()));
            }
        }
        Path weights = dir.resolve("weights.safetensors");
        WeightsFile.save(weights, config, params, Map.of("purpose", "srgrn compare"));
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eed5eedL);
        int s = config.scale();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(
                FORWARD_INPUT,
                Tensor.uniform(random, 0, 1, new int[] {1, config.inChannels(), size, size}));
        tensors.put(
                TRAIN_LR,
                Tensor.uniform(random, 0, 1, new int[] {batch, config.inChannels(), size, size}));
        tensors.put(
                TRAIN_HR,
                Tensor.uniform(
                        random, 0, 1, new int[] {batch, config.outChannels(), size * s, size * s}));
        Path inputs = dir.resolve("inputs.safetensors");
        Safetensors.write(inputs, tensors, Map.of());
        return new CompareInputs(weights, inputs);
    }
}
