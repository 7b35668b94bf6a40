package io.srgrn.tck;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's checks of refused input: wrong shapes are {@code ShapeMismatchException}s, unknown or
 * misshapen parameters are refused all or nothing, and the module is as it was afterwards.
 */
public abstract class BadInputConformanceKit extends BackendConformanceKit {
    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void rejectsBadShapesWithShapeMismatch(ConformanceCase c) {
        CaseData d = CaseData.of(c);
        int[] shape = c.inputShape();
        int[] moreChannels = shape.clone();
        moreChannels[1]++;
        int[] higherRank = Arrays.copyOf(shape, shape.length + 1);
        higherRank[shape.length] = 1;
        int[] lowerRank = Arrays.copyOf(shape, shape.length - 1);
        int[] wrongOutput = grown(c.outputShape());
        SoftAssertions soft = new SoftAssertions();
        try (Module m = compile(c.spec(), d.parameters())) {
            Tensor before = m.forward(d.input());
            for (int[] bad : List.of(moreChannels, higherRank, lowerRank)) {
                String what = c + ": input " + Arrays.toString(bad);
                soft.assertThatThrownBy(() -> m.forward(Tensor.zeros(bad)))
                        .as("forward, %s", what)
                        .isInstanceOf(ShapeMismatchException.class);
                soft.assertThatThrownBy(() -> m.backward(Tensor.zeros(bad), d.upstream()))
                        .as("backward, %s", what)
                        .isInstanceOf(ShapeMismatchException.class);
                soft.assertThatThrownBy(
                                () ->
                                        m.trainStep(
                                                Tensor.zeros(bad),
                                                Tensor.zeros(c.outputShape()),
                                                KIT_ADAM,
                                                KIT_LEARNING_RATE))
                        .as("trainStep, %s", what)
                        .isInstanceOf(ShapeMismatchException.class);
            }
            soft.assertThatThrownBy(() -> m.backward(d.input(), Tensor.zeros(wrongOutput)))
                    .as(
                            "%s: backward with an upstream gradient of shape %s",
                            c, Arrays.toString(wrongOutput))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThatThrownBy(
                            () ->
                                    m.trainStep(
                                            d.input(),
                                            Tensor.zeros(wrongOutput),
                                            KIT_ADAM,
                                            KIT_LEARNING_RATE))
                    .as("%s: trainStep with a target of shape %s", c, Arrays.toString(wrongOutput))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThat(RelativeError.of(m.forward(d.input()), before))
                    .as("%s: the module computes as before after the rejected calls", c)
                    .isLessThanOrEqualTo(tolerances().output());
            requireBitEqual(
                    soft,
                    c + ": parameters after the rejected calls",
                    d.parameters(),
                    m.parameters());
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void rejectsBadParametersAllOrNothing(ConformanceCase c) {
        CaseData d = CaseData.of(c);
        List<ParamSpec> params = c.spec().parameters();
        ParamSpec first = params.get(0);
        ParamSpec last = params.get(params.size() - 1);
        Tensor misshapen = Tensor.zeros(grown(last.shape()));
        SoftAssertions soft = new SoftAssertions();
        try (Module m = compile(c.spec(), d.parameters())) {
            soft.assertThatThrownBy(() -> m.setParameters(Map.of(last.name(), misshapen)))
                    .as(
                            "%s: setParameters with '%s' of shape %s",
                            c, last.name(), Arrays.toString(misshapen.shape()))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThatThrownBy(() -> m.setParameters(Map.of(UNKNOWN_NAME, Tensor.zeros(1))))
                    .as("%s: setParameters with an unknown name", c)
                    .isInstanceOf(IllegalArgumentException.class);
            soft.assertThatThrownBy(() -> m.parameter(UNKNOWN_NAME))
                    .as("%s: parameter() with an unknown name", c)
                    .isInstanceOf(IllegalArgumentException.class);
            // a good value before a bad one in the same map: nothing may change
            Map<String, Tensor> mixed = new LinkedHashMap<>();
            mixed.put(
                    first.name(),
                    Tensor.uniform(new SplittableRandom(c.seed() + 7), -1, 1, first.shape()));
            mixed.put(last.name(), misshapen);
            soft.assertThatThrownBy(() -> m.setParameters(mixed))
                    .as("%s: a good and a misshapen parameter", c)
                    .isInstanceOf(ShapeMismatchException.class);
            Map<String, Tensor> mixedUnknown = new LinkedHashMap<>();
            mixedUnknown.put(first.name(), mixed.get(first.name()));
            mixedUnknown.put(UNKNOWN_NAME, Tensor.zeros(1));
            soft.assertThatThrownBy(() -> m.setParameters(mixedUnknown))
                    .as("%s: a good and an unknown parameter", c)
                    .isInstanceOf(IllegalArgumentException.class);
            requireBitEqual(
                    soft,
                    c + ": parameters after rejected setParameters",
                    d.parameters(),
                    m.parameters());
        }
        Map<String, Tensor> missing = new LinkedHashMap<>(d.parameters());
        missing.remove(last.name());
        soft.assertThatThrownBy(() -> compile(c.spec(), missing).close())
                .as("%s: compile without '%s'", c, last.name())
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Tensor> wrongShape = new LinkedHashMap<>(d.parameters());
        wrongShape.put(last.name(), misshapen);
        soft.assertThatThrownBy(() -> compile(c.spec(), wrongShape).close())
                .as("%s: compile with '%s' misshapen", c, last.name())
                .isInstanceOf(ShapeMismatchException.class);
        soft.assertAll();
    }
}
