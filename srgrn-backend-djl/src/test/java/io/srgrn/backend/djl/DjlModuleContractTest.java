package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Module contract on a tiny SRGRN: input checks, all-or-nothing updates, Adam state, trainStep.
 */
class DjlModuleContractTest {
    static final SrgrnConfig TINY =
            new SrgrnConfig(2, 3, 3, 8, 2, 2, 4, 4, 2, 0.2, NodeAggregation.MEAN, true, true);
    static final SrgrnSpec SPEC = new SrgrnSpec(TINY);
    static final AdamSettings ADAM = AdamSettings.paper();

    private static Map<String, Tensor> initial() {
        Map<String, Tensor> p = Initializer.initialize(SPEC, 5);
        // non-zero gammas, so that every parameter gets a gradient
        for (ParamSpec ps : SPEC.parameters()) {
            if (ps.init() == ParamSpec.Init.ZERO) {
                p.put(ps.name(), Tensor.scalar(0.3f));
            }
        }
        return p;
    }

    private static Module compile() {
        return DjlTestSupport.cpu().compile(SPEC, initial());
    }

    @Test
    void inputsOfTheWrongShapeAreRejectedBeforeNativeWork() {
        try (Module m = compile()) {
            assertThatThrownBy(() -> m.forward(Tensor.zeros(1, 1, 6, 6)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("3 input channels");
            assertThatThrownBy(() -> m.forward(Tensor.zeros(3, 6, 6)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("rank 4");
            Tensor x = Tensor.uniform(new SplittableRandom(1), -1, 1, new int[] {1, 3, 6, 6});
            assertThatThrownBy(() -> m.backward(x, Tensor.zeros(1, 3, 6, 6)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("upstream");
            assertThatThrownBy(() -> m.trainStep(x, Tensor.zeros(1, 3, 6, 6), ADAM, 1e-3))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("target");
        }
    }

    @Test
    void compileChecksTheParameterMap() {
        BackendContext ctx = DjlTestSupport.cpu();
        Map<String, Tensor> missing = initial();
        missing.remove("grrb.gamma");
        assertThatThrownBy(() -> ctx.compile(SPEC, missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grrb.gamma");
        Map<String, Tensor> wrong = initial();
        wrong.put("sfe1.bias", Tensor.zeros(7));
        assertThatThrownBy(() -> ctx.compile(SPEC, wrong))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("sfe1.bias");
    }

    @Test
    void parametersRoundTripBitExactly() {
        Map<String, Tensor> p = initial();
        try (Module m = DjlTestSupport.cpu().compile(SPEC, p)) {
            Map<String, Tensor> back = m.parameters();
            assertThat(back.keySet()).containsExactlyElementsOf(p.keySet());
            p.forEach((k, v) -> assertThat(back.get(k).bitEquals(v)).as(k).isTrue());
            assertThat(m.parameter("sfe2.weight").bitEquals(p.get("sfe2.weight"))).isTrue();
            assertThatThrownBy(() -> m.parameter("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nope");
        }
    }

    @Test
    void setParametersIsAllOrNothing() {
        try (Module m = compile()) {
            Map<String, Tensor> before = m.parameters();
            Map<String, Tensor> bad = new LinkedHashMap<>();
            bad.put("sfe1.weight", Tensor.full(1f, before.get("sfe1.weight").shape()));
            bad.put("sfe2.bias", Tensor.zeros(3));
            assertThatThrownBy(() -> m.setParameters(bad))
                    .isInstanceOf(ShapeMismatchException.class);
            Map<String, Tensor> unknown = new LinkedHashMap<>();
            unknown.put("sfe1.weight", Tensor.full(1f, before.get("sfe1.weight").shape()));
            unknown.put("sfe3.weight", Tensor.zeros(1));
            assertThatThrownBy(() -> m.setParameters(unknown))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sfe3.weight");
            Map<String, Tensor> after = m.parameters();
            before.forEach((k, v) -> assertThat(after.get(k).bitEquals(v)).as(k).isTrue());

            Tensor ones = Tensor.full(1f, before.get("sfe1.weight").shape());
            m.setParameters(Map.of("sfe1.weight", ones));
            assertThat(m.parameter("sfe1.weight").bitEquals(ones)).isTrue();
            assertThat(m.parameter("sfe1.bias").bitEquals(before.get("sfe1.bias"))).isTrue();
        }
    }

    @Test
    void backwardDoesNotAccumulateAcrossCalls() {
        Tensor x = Tensor.uniform(new SplittableRandom(2), -1, 1, new int[] {2, 3, 5, 4});
        Tensor up = Tensor.uniform(new SplittableRandom(3), -1, 1, new int[] {2, 3, 10, 8});
        try (Module m = compile()) {
            Gradients first = m.backward(x, up);
            m.forward(x);
            Gradients second = m.backward(x, up);
            assertThat(io.srgrn.tck.RelativeError.of(second.input(), first.input()))
                    .isLessThanOrEqualTo(1e-6);
            first.parameters()
                    .forEach(
                            (k, g) ->
                                    assertThat(
                                                    io.srgrn.tck.RelativeError.of(
                                                            second.parameters().get(k), g))
                                            .as(k)
                                            .isLessThanOrEqualTo(1e-6));
            assertThat(first.parameters().keySet())
                    .containsExactlyElementsOf(
                            SPEC.parameters().stream().map(ParamSpec::name).toList());
        }
    }

    /**
     * As PyTorch's load_state_dict: new values are copied in, the last backward's gradients stay
     * for Adam.
     */
    @Test
    void setParametersKeepsTheGradientsOfTheLastBackward() {
        Tensor x = Tensor.uniform(new SplittableRandom(2), -1, 1, new int[] {1, 3, 4, 4});
        Tensor up = Tensor.uniform(new SplittableRandom(3), -1, 1, new int[] {1, 3, 8, 8});
        Map<String, Tensor> p = initial();
        Map<String, Tensor> q = Initializer.initialize(SPEC, 99);
        try (Module a = compile();
                Module b = compile()) {
            a.backward(x, up);
            a.setParameters(q);
            a.adamStep(ADAM, 1e-3);
            b.backward(x, up);
            b.adamStep(ADAM, 1e-3);
            Map<String, Tensor> pa = a.parameters();
            Map<String, Tensor> pb = b.parameters();
            for (String name : p.keySet()) {
                Tensor stepA = delta(pa.get(name), q.get(name));
                Tensor stepB = delta(pb.get(name), p.get(name));
                // steps of ~1e-3 recovered from weights of ~0.5: float32 rounding alone gives ~1e-5
                assertThat(io.srgrn.tck.RelativeError.of(stepA, stepB))
                        .as(name)
                        .isLessThanOrEqualTo(1e-4);
            }
        }
    }

    private static Tensor delta(Tensor after, Tensor before) {
        Tensor d = after.copy();
        for (int i = 0; i < d.size(); i++) {
            d.data()[i] -= before.data()[i];
        }
        return d;
    }

    @Test
    void everyLayerSpecOfTheNetworkCompiles() {
        BackendContext ctx = DjlTestSupport.cpu();
        Tensor x = Tensor.uniform(new SplittableRandom(9), -1, 1, new int[] {1, 3, 5, 4});
        for (int scale : new int[] {2, 3, 4}) {
            for (boolean grum : new boolean[] {true, false}) {
                for (boolean grrb : new boolean[] {true, false}) {
                    SrgrnSpec spec =
                            new SrgrnSpec(
                                    TINY.withScale(scale)
                                            .withAblation(grum, grrb)
                                            .withNodeAggregation(
                                                    grum
                                                            ? NodeAggregation.SUM
                                                            : NodeAggregation.MEAN));
                    try (Module m = ctx.compile(spec, Initializer.initialize(spec, 3))) {
                        Tensor y = m.forward(x);
                        assertThat(y.shape()).containsExactly(1, 3, 5 * scale, 4 * scale);
                        Gradients g =
                                m.backward(
                                        x,
                                        Tensor.uniform(new SplittableRandom(1), -1, 1, y.shape()));
                        assertThat(g.parameters()).hasSize(spec.parameters().size());
                    }
                }
            }
        }
    }
}
