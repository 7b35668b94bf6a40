package io.srgrn.backend.javacpp;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.support.ForkedJvm;
import java.util.SplittableRandom;

/**
 * Forked by {@link ResidentMemoryTest}: a warm-up, then a long loop of inference and training on
 * one module; prints VmRSS before and after the loop.
 */
public final class ResidentMemoryProbe {
    private ResidentMemoryProbe() {}

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int measured = Integer.parseInt(args[1]);
        SrgrnConfig config =
                new SrgrnConfig(2, 3, 3, 16, 2, 3, 8, 6, 4, 0.2, NodeAggregation.MEAN, true, true);
        SrgrnSpec spec = new SrgrnSpec(config);
        Tensor input =
                Tensor.uniform(new SplittableRandom(51), -0.5, 0.5, new int[] {2, 3, 24, 24});
        Tensor target =
                Tensor.uniform(
                        new SplittableRandom(52), -0.5, 0.5, spec.outputShape(input.shape()));
        Tensor upstream =
                Tensor.uniform(new SplittableRandom(53), -1, 1, spec.outputShape(input.shape()));
        try (BackendContext ctx = new JavaCppBackend().open(Device.CPU, new BackendOptions(1));
                Module m = ctx.compile(spec, TinyModels.weights(spec, 54, 0.1f))) {
            loop(m, input, target, upstream, warmup);
            System.out.println("RSS_BEFORE_KB=" + ForkedJvm.statusKiB("VmRSS:"));
            loop(m, input, target, upstream, measured);
            System.out.println("RSS_AFTER_KB=" + ForkedJvm.statusKiB("VmRSS:"));
        }
    }

    private static void loop(
            Module m, Tensor input, Tensor target, Tensor upstream, int iterations) {
        for (int i = 0; i < iterations; i++) {
            m.forward(input);
            m.trainStep(input, target, AdamSettings.paper(), 1e-4);
            if (i % 10 == 0) {
                m.backward(input, upstream);
                m.adamStep(AdamSettings.paper(), 1e-4);
                m.setParameters(m.parameters());
                m.setOptimizerState(m.optimizerState());
            }
        }
    }
}
