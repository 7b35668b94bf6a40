package io.srgrn.backend.djl;

import static io.srgrn.tck.RelativeError.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.support.HostTensors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Single layers against plain-Java arithmetic, and the ablations (reasoning = false, gamma = 0).
 */
class DjlSmallLayerTest {
    static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @CsvSource({"3, 4, 3", "5, 2, 1"})
    void conv2dMatchesNaiveConvolution(int in, int out, int kernel) {
        Conv2dSpec spec = new Conv2dSpec(in, out, kernel);
        Map<String, Tensor> p = Initializer.initialize(spec, 11);
        Tensor x = Tensor.uniform(new SplittableRandom(3), -1, 1, new int[] {2, in, 5, 4});
        Tensor expected = HostTensors.conv2d(x, p.get(Conv2dSpec.WEIGHT), p.get(Conv2dSpec.BIAS));
        try (Module m = DjlTestSupport.cpu().compile(spec, p)) {
            assertClose(spec.describe(), m.forward(x), expected, TOLERANCE);
        }
    }

    @Test
    void conv1dMatchesNaiveChannelMap() {
        Conv1dSpec spec = new Conv1dSpec(4, 6);
        Map<String, Tensor> p = Initializer.initialize(spec, 12);
        Tensor x = Tensor.uniform(new SplittableRandom(4), -1, 1, new int[] {3, 4, 7});
        Tensor expected = HostTensors.conv1d(x, p.get(Conv2dSpec.WEIGHT), p.get(Conv2dSpec.BIAS));
        try (Module m = DjlTestSupport.cpu().compile(spec, p)) {
            assertClose(spec.describe(), m.forward(x), expected, TOLERANCE);
        }
    }

    /**
     * grum = false: F_S = fuse(pixel_shuffle(subpixel(F), r)), with SPEC's shuffle order written in
     * Java.
     */
    @ParameterizedTest
    @CsvSource({"2, MEAN", "3, SUM"})
    void grumWithoutReasoningIsSubPixelConvolution(int r, NodeAggregation aggregation) {
        GrumSpec spec = new GrumSpec(8, 4, 2, r, 0.2, aggregation, false);
        Map<String, Tensor> p = Initializer.initialize(spec, 13);
        Tensor x = Tensor.uniform(new SplittableRandom(5), -1, 1, new int[] {2, 8, 4, 3});
        BackendContext ctx = DjlTestSupport.cpu();
        Tensor sub = convHost(spec.subpixel().spec(), p, spec.subpixel().name(), x);
        Tensor expected =
                convHost(
                        spec.fuse().spec(),
                        p,
                        spec.fuse().name(),
                        HostTensors.pixelShuffle(sub, r));
        try (Module m = ctx.compile(spec, p)) {
            assertClose(spec.describe(), m.forward(x), expected, TOLERANCE);
        }
    }

    /**
     * With gamma = 0 a GRUM equals its sub-pixel path, i.e. the grum = false ablation with the same
     * weights.
     */
    @ParameterizedTest
    @CsvSource({"2, MEAN", "3, MEAN", "2, SUM"})
    void grumWithZeroGammaEqualsItsSubPixelPath(int r, NodeAggregation aggregation) {
        GrumSpec full = new GrumSpec(8, 4, 2, r, 0.2, aggregation, true);
        GrumSpec plain = new GrumSpec(8, 4, 2, r, 0.2, aggregation, false);
        Map<String, Tensor> p = Initializer.initialize(full, 14);
        assertThat(p.get(GrumSpec.GAMMA).data()).containsOnly(0f);
        Tensor x = Tensor.uniform(new SplittableRandom(6), -1, 1, new int[] {1, 8, 5, 4});
        BackendContext ctx = DjlTestSupport.cpu();
        try (Module a = ctx.compile(full, p);
                Module b = ctx.compile(plain, subset(plain, p))) {
            Tensor ya = a.forward(x);
            assertThat(io.srgrn.tck.RelativeError.of(ya, b.forward(x))).isLessThanOrEqualTo(1e-7);
            // and a non-zero gamma really changes the output, so the reasoning path is live
            a.setParameters(Map.of(GrumSpec.GAMMA, Tensor.scalar(0.5f)));
            assertThat(io.srgrn.tck.RelativeError.of(a.forward(x), ya)).isGreaterThan(1e-3);
        }
    }

    /**
     * grrb = false: I_SR = tail.1(tail.0(F_S)); with gamma = 0 the reasoning GRRB gives the same.
     */
    @Test
    void grrbWithoutReasoningIsTheTwoTailConvs() {
        GrrbSpec full = new GrrbSpec(8, 3, 4, 0.2, NodeAggregation.MEAN, true);
        GrrbSpec plain = new GrrbSpec(8, 3, 4, 0.2, NodeAggregation.MEAN, false);
        Map<String, Tensor> p = Initializer.initialize(full, 15);
        Tensor x = Tensor.uniform(new SplittableRandom(8), -1, 1, new int[] {2, 8, 6, 5});
        Tensor expected =
                convHost(
                        plain.tail1().spec(),
                        p,
                        plain.tail1().name(),
                        convHost(plain.tail0().spec(), p, plain.tail0().name(), x));
        BackendContext ctx = DjlTestSupport.cpu();
        try (Module a = ctx.compile(full, p);
                Module b = ctx.compile(plain, subset(plain, p))) {
            assertClose(plain.describe(), b.forward(x), expected, TOLERANCE);
            assertClose(full.describe() + " with gamma 0", a.forward(x), expected, TOLERANCE);
        }
    }

    private static Tensor convHost(
            Conv2dSpec spec, Map<String, Tensor> p, String prefix, Tensor x) {
        return HostTensors.conv2d(
                x,
                p.get(spec.parameter(Conv2dSpec.WEIGHT).prefixed(prefix).name()),
                p.get(spec.parameter(Conv2dSpec.BIAS).prefixed(prefix).name()));
    }

    private static Map<String, Tensor> subset(LayerSpec spec, Map<String, Tensor> all) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (ParamSpec ps : spec.parameters()) {
            out.put(ps.name(), all.get(ps.name()));
        }
        return out;
    }
}
