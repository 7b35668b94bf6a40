package io.srgrn.backend.javacpp;

import static io.srgrn.tck.RelativeError.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Layers the golden cases do not reach alone: Conv1d, ablated GRUM/GRRB, ablated whole models. */
class SingleLayersTest {

    /** Conv1d(in, out, 1) against sums written out in Java: forward and all three gradients. */
    @Test
    void conv1dIsAPerPositionLinearMap() {
        Conv1dSpec spec = new Conv1dSpec(5, 3);
        Map<String, Tensor> w = TinyModels.weights(spec, 31, 0f);
        Tensor x = Tensor.uniform(new SplittableRandom(32), -1, 1, new int[] {2, 5, 7});
        Tensor up = Tensor.uniform(new SplittableRandom(33), -1, 1, new int[] {2, 3, 7});
        float[] weight = w.get(Conv2dSpec.WEIGHT).data();
        float[] bias = w.get(Conv2dSpec.BIAS).data();
        Tensor y = Tensor.zeros(2, 3, 7);
        Tensor gx = Tensor.zeros(2, 5, 7);
        Tensor gw = Tensor.zeros(3, 5, 1);
        Tensor gb = Tensor.zeros(3);
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < 3; o++) {
                for (int l = 0; l < 7; l++) {
                    double acc = bias[o];
                    float u = up.get(b, o, l);
                    for (int i = 0; i < 5; i++) {
                        acc += weight[o * 5 + i] * x.get(b, i, l);
                        gx.set(gx.get(b, i, l) + weight[o * 5 + i] * u, b, i, l);
                        gw.set(gw.get(o, i, 0) + x.get(b, i, l) * u, o, i, 0);
                    }
                    gb.set(gb.get(o) + u, o);
                    y.set((float) acc, b, o, l);
                }
            }
        }
        try (Module m = TestContexts.cpu().compile(spec, w)) {
            assertClose("conv1d output", m.forward(x), y, 1e-6);
            Gradients g = m.backward(x, up);
            assertClose("conv1d grad input", g.input(), gx, 1e-6);
            assertClose("conv1d grad weight", g.parameters().get(Conv2dSpec.WEIGHT), gw, 1e-6);
            assertClose("conv1d grad bias", g.parameters().get(Conv2dSpec.BIAS), gb, 1e-6);
        }
    }

    /**
     * With gamma = 0 the GRUM output is its sub-pixel path alone, i.e. the GRUM without reasoning.
     */
    @ParameterizedTest
    @CsvSource({"2, MEAN", "3, SUM"})
    void grumWithZeroGammaEqualsGrumWithoutReasoning(int r, NodeAggregation aggregation) {
        GrumSpec full = new GrumSpec(8, 4, 2, r, 0.2, aggregation, true);
        GrumSpec plain = new GrumSpec(8, 4, 2, r, 0.2, aggregation, false);
        Tensor x = Tensor.uniform(new SplittableRandom(41), -1, 1, new int[] {2, 8, 5, 4});
        assertSamePathWithZeroGamma(full, plain, x);
        assertThat(plain.parameters()).hasSize(4);
    }

    @ParameterizedTest
    @CsvSource({"MEAN", "SUM"})
    void grrbWithZeroGammaEqualsGrrbWithoutReasoning(NodeAggregation aggregation) {
        GrrbSpec full = new GrrbSpec(8, 3, 4, 0.2, aggregation, true);
        GrrbSpec plain = new GrrbSpec(8, 3, 4, 0.2, aggregation, false);
        assertSamePathWithZeroGamma(
                full,
                plain,
                Tensor.uniform(new SplittableRandom(42), -1, 1, new int[] {1, 8, 6, 6}));
    }

    /**
     * A GRUM's gamma really mixes: gamma 1 drops the sub-pixel path, so its weights then have no
     * gradient.
     */
    @Test
    void grumWithGammaOneIgnoresTheSubpixelPath() {
        GrumSpec spec = new GrumSpec(8, 4, 2, 2, 0.2, NodeAggregation.MEAN, true);
        Tensor x = Tensor.uniform(new SplittableRandom(44), -1, 1, new int[] {1, 8, 3, 3});
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 45, 1f))) {
            Gradients g =
                    m.backward(
                            x,
                            Tensor.uniform(
                                    new SplittableRandom(46), -1, 1, spec.outputShape(x.shape())));
            assertThat(
                            io.srgrn.tck.RelativeError.of(
                                    g.parameters().get(spec.subpixel().param(Conv2dSpec.WEIGHT)),
                                    Tensor.zeros(
                                            spec.subpixel().spec().parameters().get(0).shape())))
                    .isZero();
            assertThat(
                            io.srgrn.tck.RelativeError.of(
                                    g.parameters().get(spec.expand2().param(Conv2dSpec.WEIGHT)),
                                    Tensor.zeros(
                                            spec.expand2().spec().parameters().get(0).shape())))
                    .isPositive();
        }
    }

    private static void assertSamePathWithZeroGamma(LayerSpec full, LayerSpec plain, Tensor x) {
        Map<String, Tensor> fullWeights = TinyModels.weights(full, 47, 0f);
        Map<String, Tensor> plainWeights = new LinkedHashMap<>();
        for (ParamSpec p : plain.parameters()) {
            plainWeights.put(p.name(), fullWeights.get(p.name()));
        }
        try (Module a = TestContexts.cpu().compile(full, fullWeights);
                Module b = TestContexts.cpu().compile(plain, plainWeights)) {
            Tensor ya = a.forward(x);
            assertThat(ya.shape()).containsExactly(full.outputShape(x.shape()));
            assertClose(plain.describe(), b.forward(x), ya, 1e-6);
            Tensor up = Tensor.uniform(new SplittableRandom(48), -1, 1, ya.shape());
            Gradients ga = a.backward(x, up);
            Gradients gb = b.backward(x, up);
            assertClose(plain.describe() + " grad input", gb.input(), ga.input(), 1e-5);
            gb.parameters()
                    .forEach((name, g) -> assertClose(name, g, ga.parameters().get(name), 1e-5));
        }
    }
}
