package io.srgrn.backend.djl;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
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
 * Child-JVM probe for {@link DjlNativeMemoryTest}: a long loop of inferences, backward passes and
 * training steps on a small SRGRN, printing the resident set size after warm-up and at the end.
 * Args: warm-up iterations, measured iterations.
 */
public final class NativeMemoryProbe {
    private NativeMemoryProbe() {}

    public static void main(String[] args) {
        int warmup = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        SrgrnSpec spec =
                new SrgrnSpec(
                        new SrgrnConfig(
                                2, 3, 3, 16, 2, 3, 8, 4, 4, 0.2, NodeAggregation.MEAN, true, true));
        Tensor x = Tensor.uniform(new SplittableRandom(1), -1, 1, new int[] {2, 3, 24, 24});
        Tensor target = Tensor.uniform(new SplittableRandom(2), -1, 1, new int[] {2, 3, 48, 48});
        Tensor upstream = Tensor.uniform(new SplittableRandom(3), -1, 1, new int[] {2, 3, 48, 48});
        try (BackendContext ctx = new DjlBackend().open(Device.CPU, new BackendOptions(1));
                Module m = ctx.compile(spec, Initializer.initialize(spec, 1))) {
            float loss = 0;
            for (int i = 0; i < warmup + iterations; i++) {
                if (i == warmup) {
                    System.gc();
                    System.out.println("probe.rssAfterWarmupKiB=" + ForkedJvm.statusKiB("VmRSS:"));
                }
                m.forward(x);
                m.backward(x, upstream);
                loss = m.trainStep(x, target, AdamSettings.paper(), 1e-4);
                if (i % 25 == 0) {
                    m.setParameters(m.parameters());
                    m.setOptimizerState(m.optimizerState());
                }
                if (i >= warmup && (i - warmup) % 100 == 0) {
                    System.out.println(
                            "probe.rssAt" + (i - warmup) + "KiB=" + ForkedJvm.statusKiB("VmRSS:"));
                }
            }
            System.gc();
            System.out.println("probe.rssAtEndKiB=" + ForkedJvm.statusKiB("VmRSS:"));
            System.out.println("probe.loss=" + loss);
        }
    }
}
