package io.srgrn.backend.javacpp;

import static io.srgrn.tck.RelativeError.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Adam against PyTorch's update rule computed in Java from the gradients the module returned. */
class AdamStepTest {
    private final SrgrnSpec spec = new SrgrnSpec(TinyModels.config(2, NodeAggregation.MEAN));
    private final Tensor input =
            Tensor.uniform(new SplittableRandom(1), -0.5, 0.5, new int[] {2, 3, 5, 6});
    private final Tensor upstream =
            Tensor.uniform(new SplittableRandom(2), -1, 1, spec.outputShape(input.shape()));
    private final AdamSettings adam = new AdamSettings(0.9, 0.99, 1e-6);

    @Test
    void twoStepsFollowPyTorchsAdamWithBiasCorrection() {
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 3, 0.3f))) {
            Map<String, double[]> first = new HashMap<>();
            Map<String, double[]> second = new HashMap<>();
            double[] lrs = {1e-2, 4e-3};
            for (int step = 1; step <= 2; step++) {
                Map<String, Tensor> before = m.parameters();
                Gradients g = m.backward(input, upstream);
                m.adamStep(adam, lrs[step - 1]);
                Map<String, Tensor> after = m.parameters();
                for (ParamSpec p : spec.parameters()) {
                    float[] grad = g.parameters().get(p.name()).data();
                    double[] mm = first.computeIfAbsent(p.name(), k -> new double[grad.length]);
                    double[] vv = second.computeIfAbsent(p.name(), k -> new double[grad.length]);
                    float[] expectedDelta = new float[grad.length];
                    float[] actualDelta = new float[grad.length];
                    double bc1 = 1 - Math.pow(adam.beta1(), step);
                    double bc2 = 1 - Math.pow(adam.beta2(), step);
                    for (int i = 0; i < grad.length; i++) {
                        mm[i] = adam.beta1() * mm[i] + (1 - adam.beta1()) * grad[i];
                        vv[i] = adam.beta2() * vv[i] + (1 - adam.beta2()) * grad[i] * grad[i];
                        double denom = Math.sqrt(vv[i]) / Math.sqrt(bc2) + adam.eps();
                        expectedDelta[i] = (float) (-lrs[step - 1] / bc1 * mm[i] / denom);
                        actualDelta[i] =
                                after.get(p.name()).data()[i] - before.get(p.name()).data()[i];
                    }
                    assertClose(
                            "step " + step + " update of " + p.name(),
                            Tensor.of(actualDelta, p.shape()),
                            Tensor.of(expectedDelta, p.shape()),
                            1e-4);
                }
            }
            OptimizerState state = m.optimizerState();
            assertThat(state.step()).isEqualTo(2);
            for (ParamSpec p : spec.parameters()) {
                assertClose(
                        "first moment of " + p.name(),
                        state.firstMoment().get(p.name()),
                        toFloat(first.get(p.name()), p),
                        1e-5);
                assertClose(
                        "second moment of " + p.name(),
                        state.secondMoment().get(p.name()),
                        toFloat(second.get(p.name()), p),
                        1e-5);
            }
        }
    }

    @Test
    void restoredOptimizerStateContinuesTheSameTrajectory() {
        Map<String, Tensor> w = TinyModels.weights(spec, 4, 0.2f);
        try (Module a = TestContexts.cpu().compile(spec, w)) {
            assertThat(a.optimizerState().step()).isZero();
            assertThat(a.optimizerState().firstMoment()).isEmpty();
            a.backward(input, upstream);
            a.adamStep(adam, 1e-2);
            OptimizerState afterOne = a.optimizerState();
            try (Module b = TestContexts.cpu().compile(spec, a.parameters())) {
                b.setOptimizerState(afterOne);
                a.backward(input, upstream);
                a.adamStep(adam, 1e-2);
                b.backward(input, upstream);
                b.adamStep(adam, 1e-2);
                assertThat(b.optimizerState().step()).isEqualTo(2);
                for (ParamSpec p : spec.parameters()) {
                    assertClose(p.name(), b.parameter(p.name()), a.parameter(p.name()), 1e-6);
                }
            }
        }
    }

    @Test
    void badOptimizerStatesAreRejectedAndLeaveTheStateAsItWas() {
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 5, 0.1f))) {
            m.backward(input, upstream);
            m.adamStep(adam, 1e-2);
            OptimizerState good = m.optimizerState();
            String name = spec.parameters().get(0).name();

            Map<String, Tensor> wrongShape = new LinkedHashMap<>(good.firstMoment());
            wrongShape.put(name, Tensor.zeros(1, 2));
            assertThatThrownBy(
                            () ->
                                    m.setOptimizerState(
                                            new OptimizerState(1, wrongShape, good.secondMoment())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name);
            Map<String, Tensor> shapeMismatch = new LinkedHashMap<>(good.secondMoment());
            shapeMismatch.put(name, Tensor.zeros(1, 2));
            assertThatThrownBy(
                            () ->
                                    m.setOptimizerState(
                                            new OptimizerState(
                                                    1, good.firstMoment(), shapeMismatch)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining(name);
            Map<String, Tensor> incomplete = new LinkedHashMap<>(good.firstMoment());
            incomplete.remove(name);
            assertThatThrownBy(
                            () ->
                                    m.setOptimizerState(
                                            new OptimizerState(1, incomplete, incomplete)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name);
            assertThatThrownBy(() -> m.setOptimizerState(new OptimizerState(3, Map.of(), Map.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("step 3");

            OptimizerState now = m.optimizerState();
            assertThat(now.step()).isEqualTo(1);
            for (ParamSpec p : spec.parameters()) {
                assertThat(
                                now.firstMoment()
                                        .get(p.name())
                                        .bitEquals(good.firstMoment().get(p.name())))
                        .isTrue();
                assertThat(
                                now.secondMoment()
                                        .get(p.name())
                                        .bitEquals(good.secondMoment().get(p.name())))
                        .isTrue();
            }
        }
    }

    @Test
    void adamStepNeedsABackwardFirst() {
        try (Module m = TestContexts.cpu().compile(spec, TinyModels.weights(spec, 6, 0f))) {
            assertThatThrownBy(() -> m.adamStep(adam, 1e-3))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("backward");
        }
    }

    private static Tensor toFloat(double[] d, ParamSpec p) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Tensor.of(f, p.shape());
    }
}
