package io.srgrn.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's state checks: compiled parameters come back unchanged, weights move between the
 * backend, files and the reference, and the optimiser state round-trips (a bad one is refused).
 */
public abstract class StateConformanceKit extends BackendConformanceKit {
    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void compiledParametersComeBackUnchanged(ConformanceCase c) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Map<String, Tensor> back = m.parameters();
            assertThat(List.copyOf(back.keySet()))
                    .as("%s: parameter names, in spec order", c)
                    .containsExactlyElementsOf(names(c.spec()));
            SoftAssertions soft = new SoftAssertions();
            for (ParamSpec p : c.spec().parameters()) {
                soft.assertThat(back.get(p.name()).bitEquals(d.parameters().get(p.name())))
                        .as("%s: parameters() returns '%s' bit for bit", c, p.name())
                        .isTrue();
                soft.assertThat(m.parameter(p.name()).bitEquals(d.parameters().get(p.name())))
                        .as("%s: parameter('%s') returns it bit for bit", c, p.name())
                        .isTrue();
            }
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void weightsMoveBetweenBackendAndReference(
            ConformanceCase c, @TempDir Path dir, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        SoftAssertions soft = new SoftAssertions();
        try (BackendContext reference =
                new ReferenceBackend().open(Device.CPU, BackendOptions.defaults())) {
            // backend -> file -> reference, with weights the backend itself produced (after a step)
            try (Module m = compile(c.spec(), d.parameters())) {
                m.backward(d.input(), d.upstream());
                m.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                Map<String, Tensor> saved = m.parameters();
                Map<String, Tensor> loaded =
                        saveAndLoad(c.spec(), dir.resolve("from-backend.safetensors"), saved);
                requireBitEqual(
                        soft, c + ": backend weights after a file round trip", saved, loaded);
                try (Module r = reference.compile(c.spec(), loaded)) {
                    requireBitEqual(
                            soft,
                            c + ": backend weights loaded into the reference",
                            saved,
                            r.parameters());
                    record(
                            reporter,
                            "weights backend -> reference",
                            c.toString(),
                            "output",
                            RelativeError.of(
                                    m.forward(d.input()), DoubleTensor.from(r.forward(d.input()))),
                            tolerances().output(),
                            soft);
                }
            }
            // reference -> file -> backend, with weights the reference produced, into a module
            // compiled
            // with other weights (setParameters) and into a fresh one (compile)
            CaseData other = CaseData.of(c, c.seed() + 200);
            try (Module r = reference.compile(c.spec(), other.parameters())) {
                r.backward(other.input(), other.upstream());
                r.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                Map<String, Tensor> saved = r.parameters();
                Map<String, Tensor> loaded =
                        saveAndLoad(c.spec(), dir.resolve("from-reference.safetensors"), saved);
                DoubleTensor expected =
                        d.reference().forward(ReferenceModel.widen(saved), d.referenceInput());
                try (Module m = compile(c.spec(), d.parameters());
                        Module fresh = compile(c.spec(), loaded)) {
                    m.setParameters(loaded);
                    requireBitEqual(
                            soft,
                            c + ": reference weights set into the backend",
                            saved,
                            m.parameters());
                    requireBitEqual(
                            soft,
                            c + ": reference weights compiled by the backend",
                            saved,
                            fresh.parameters());
                    record(
                            reporter,
                            "weights reference -> backend",
                            c.toString(),
                            "output after setParameters",
                            RelativeError.of(m.forward(d.input()), expected),
                            tolerances().output(),
                            soft);
                    record(
                            reporter,
                            "weights reference -> backend",
                            c.toString(),
                            "output after compile",
                            RelativeError.of(fresh.forward(d.input()), expected),
                            tolerances().output(),
                            soft);
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void optimizerStateRoundTrips(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        CaseData second = CaseData.of(c, c.seed() + 100);
        try (Module a = compile(c.spec(), d.parameters())) {
            OptimizerState initial = a.optimizerState();
            assertThat(initial.step()).as("%s: step count before any step", c).isZero();
            assertThat(initial.firstMoment()).as("%s: first moments before any step", c).isEmpty();
            assertThat(initial.secondMoment())
                    .as("%s: second moments before any step", c)
                    .isEmpty();

            a.backward(d.input(), d.upstream());
            a.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
            OptimizerState state = a.optimizerState();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(state.step()).as("%s: step count after one step", c).isEqualTo(1);
            for (Map<String, Tensor> moment : List.of(state.firstMoment(), state.secondMoment())) {
                soft.assertThat(moment.keySet())
                        .as("%s: moment names", c)
                        .containsExactlyInAnyOrderElementsOf(names(c.spec()));
                for (ParamSpec p : c.spec().parameters()) {
                    if (moment.containsKey(p.name())) {
                        soft.assertThat(moment.get(p.name()).shape())
                                .as("%s: moment shape of %s", c, p.name())
                                .containsExactly(p.shape());
                    }
                }
            }
            Map<String, Tensor> afterOne = a.parameters();
            try (Module b = compile(c.spec(), afterOne)) {
                b.setOptimizerState(state);
                OptimizerState restored = b.optimizerState();
                soft.assertThat(restored.step()).as("%s: restored step count", c).isEqualTo(1);
                requireBitEqual(
                        soft,
                        c + ": restored first moments",
                        state.firstMoment(),
                        restored.firstMoment());
                requireBitEqual(
                        soft,
                        c + ": restored second moments",
                        state.secondMoment(),
                        restored.secondMoment());

                // a bad state is rejected and leaves the state as it was
                ParamSpec first = c.spec().parameters().get(0);
                Map<String, Tensor> misshapen = new LinkedHashMap<>(state.firstMoment());
                misshapen.put(first.name(), Tensor.zeros(grown(first.shape())));
                soft.assertThatThrownBy(
                                () ->
                                        b.setOptimizerState(
                                                new OptimizerState(
                                                        5, misshapen, state.secondMoment())))
                        .as("%s: a moment of the wrong shape", c)
                        .isInstanceOf(ShapeMismatchException.class);
                Map<String, Tensor> unknown = new LinkedHashMap<>(state.firstMoment());
                unknown.put(UNKNOWN_NAME, Tensor.zeros(1));
                soft.assertThatThrownBy(
                                () ->
                                        b.setOptimizerState(
                                                new OptimizerState(
                                                        5, unknown, state.secondMoment())))
                        .as("%s: a moment with an unknown name", c)
                        .isInstanceOf(IllegalArgumentException.class);
                soft.assertThat(b.optimizerState().step())
                        .as("%s: step count after rejected states", c)
                        .isEqualTo(1);

                // the restored module takes the same second step as the original
                a.backward(second.input(), second.upstream());
                a.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                b.backward(second.input(), second.upstream());
                b.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                compareUpdates(
                        reporter,
                        "second step after restoring the state",
                        c.toString(),
                        afterOne,
                        b.parameters(),
                        ReferenceModel.widen(a.parameters()),
                        ULPS_VS_BACKEND,
                        soft);
            }
            soft.assertAll();
        }
    }
}
