package io.srgrn.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.tck.reference.AdamState;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceGradients;
import io.srgrn.tck.reference.ReferenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conformance kit: every check that a backend computes SRGRN as SPEC says, against the
 * double-precision reference of this module and the golden PyTorch cases. A backend module runs it
 * by extending it in its tests:
 * <pre>
 * class DjlConformanceTest extends BackendConformanceKit {
 *     protected Backend backend() { return new DjlBackend(); }
 * }
 * </pre>
 * When the backend is unavailable here (or does not offer {@link #device()}), every check is
 * skipped with the backend's reason, never passed.
 *
 * <p>Every check runs on each {@link ConformanceCases#all() case} (each layer kind and the whole
 * network, seeded weights with non-zero gammas, several input shapes) and reports each measured
 * error through JUnit's {@link TestReporter} and slf4j, passed or not, so a drift shows before it
 * fails; the class ends with a table of all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceKit {
    private static final Logger LOG = LoggerFactory.getLogger(BackendConformanceKit.class);
    private static final String CASES = "io.srgrn.tck.BackendConformanceKit#cases";
    private static final String FIXTURES = "io.srgrn.tck.BackendConformanceKit#fixtures";
    private static final String NO_FIXTURES = "(fixtures absent)";
    private static final String UNKNOWN_NAME = "no.such.parameter";

    /**
     * Adam as the kit runs it: betas other than the paper's, so a hard-coded constant shows, and an
     * eps near typical gradient sizes, which makes the update a smooth function of the gradient
     * (with eps = 1e-8 the first step is lr * sign(g), which float32 noise flips for gradients
     * near zero) and makes where eps is added (after the square root) matter.
     */
    static final AdamSettings KIT_ADAM = new AdamSettings(0.8, 0.99, 1e-3);
    static final double KIT_LEARNING_RATE = 1e-2;
    /** float32 units in the last place forgiven per parameter: one for the backend's own rounding of an exact result. */
    private static final double ULPS_VS_REFERENCE = 1;
    /** Two backend results each carry their own rounding. */
    private static final double ULPS_VS_BACKEND = 2;

    private Backend backend;
    private BackendContext context;
    private final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());

    /** The backend under test. */
    protected abstract Backend backend();

    /** The device to run on; the CPU unless overridden. */
    protected Device device() {
        return Device.CPU;
    }

    /** The accepted errors; a backend that needs looser ones must say why where it overrides this. */
    protected Tolerances tolerances() {
        return Tolerances.float32();
    }

    static List<ConformanceCase> cases() {
        return ConformanceCases.all();
    }

    static List<String> fixtures() {
        List<String> names = GoldenFixture.names();
        return names.isEmpty() ? List.of(NO_FIXTURES) : names;
    }

    @BeforeAll
    final void openBackend() {
        backend = backend();
        Availability availability = backend.availability();
        Assumptions.assumeTrue(availability.available(),
                () -> "backend '" + backend.name() + "' is unavailable here: " + availability.reason());
        Assumptions.assumeTrue(backend.devices().contains(device()),
                () -> "backend '" + backend.name() + "' offers " + backend.devices() + " here, not " + device());
        context = backend.open(device(), BackendOptions.defaults());
        LOG.info("conformance kit: backend '{}' on {} ({})", backend.name(), device(), availability.reason());
    }

    @AfterAll
    final void closeBackend() {
        if (context != null) {
            context.close();
        }
        if (!measurements.isEmpty()) {
            LOG.info("conformance kit: {} measured errors for backend '{}' on {}{}", measurements.size(), backend.name(),
                    device(), summary());
        }
    }

    /** The worst error of each check, then every measurement grouped by check. */
    private String summary() {
        List<Measurement> all;
        synchronized (measurements) {
            all = new ArrayList<>(measurements);
        }
        Map<String, List<Measurement>> byCheck = new java.util.TreeMap<>();
        all.forEach(m -> byCheck.computeIfAbsent(m.check(), k -> new ArrayList<>()).add(m));
        StringBuilder sb = new StringBuilder("\nworst error per check:");
        byCheck.forEach((check, list) -> sb.append("\n  ")
                .append(list.stream().max(java.util.Comparator.comparingDouble(Measurement::error)).orElseThrow())
                .append(" (of ").append(list.size()).append(')'));
        sb.append("\nall measurements:");
        byCheck.values().forEach(list -> list.forEach(m -> sb.append("\n  ").append(m)));
        return sb.toString();
    }

    // ---------------------------------------------------------------- numerics against the reference

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void forwardMatchesReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Tensor out = m.forward(d.input());
            assertThat(out.shape()).as("output shape of %s", c).containsExactly(c.outputShape());
            double error = RelativeError.of(out, d.reference().forward(d.referenceParameters(), d.referenceInput()));
            check(reporter, "forward", c.toString(), "output", error, tolerances().output()).assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void inputGradientMatchesReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Gradients g = m.backward(d.input(), d.upstream());
            assertThat(g.input().shape()).as("input gradient shape of %s", c).containsExactly(c.inputShape());
            double error = RelativeError.of(g.input(), d.referenceGradients().input());
            check(reporter, "input gradient", c.toString(), "grad.input", error, tolerances().gradient()).assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void parameterGradientsMatchReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Map<String, Tensor> grads = m.backward(d.input(), d.upstream()).parameters();
            Map<String, DoubleTensor> expected = d.referenceGradients().parameters();
            SoftAssertions soft = new SoftAssertions();
            for (ParamSpec p : c.spec().parameters()) {
                Tensor g = grads.get(p.name());
                if (g == null) {
                    soft.fail("%s: the backend returned no gradient for parameter '%s'", c, p.name());
                    continue;
                }
                double error = RelativeError.of(g, expected.get(p.name()));
                record(reporter, "parameter gradient", c.toString(), "grad." + p.name(), error, tolerances().gradient(),
                        soft);
            }
            soft.assertThat(List.copyOf(grads.keySet())).as("%s: gradient names, in spec order", c)
                    .containsExactlyElementsOf(names(c.spec()));
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void adamStepsMatchReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        CaseData second = CaseData.of(c, c.seed() + 100);
        try (Module m = compile(c.spec(), d.parameters())) {
            // two steps: the second has non-zero moments and step 2's bias corrections
            m.backward(d.input(), d.upstream());
            m.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
            m.backward(second.input(), second.upstream());
            m.adamStep(KIT_ADAM, KIT_LEARNING_RATE);

            Map<String, DoubleTensor> expected = d.referenceParameters();
            AdamState adam = new AdamState();
            adam.step(expected, d.reference().gradients(expected, d.referenceInput(), d.referenceUpstream()).parameters(),
                    KIT_ADAM, KIT_LEARNING_RATE);
            adam.step(expected, d.reference().gradients(expected, second.referenceInput(), second.referenceUpstream())
                    .parameters(), KIT_ADAM, KIT_LEARNING_RATE);
            SoftAssertions soft = new SoftAssertions();
            compareUpdates(reporter, "two Adam steps", c.toString(), d.parameters(), m.parameters(), expected,
                    ULPS_VS_REFERENCE, soft);
            soft.assertThat(m.optimizerState().step()).as("%s: Adam step count", c).isEqualTo(2);
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void trainStepIsForwardL1BackwardAndAdam(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        Tensor target = SeededTensors.uniform(c.seed() + 5, 0, 1, c.outputShape());
        try (Module trained = compile(c.spec(), d.parameters()); Module manual = compile(c.spec(), d.parameters())) {
            float loss = trained.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);

            // the same step by hand: forward, L1's gradient sign(out - target) / numel, backward, Adam
            Tensor out = manual.forward(d.input());
            double l1 = 0;
            Tensor upstream = Tensor.zeros(out.shape());
            for (int i = 0; i < out.size(); i++) {
                double diff = (double) out.data()[i] - target.data()[i];
                l1 += Math.abs(diff);
                upstream.data()[i] = (float) (Math.signum(diff) / out.size());
            }
            l1 /= out.size();
            manual.backward(d.input(), upstream);
            manual.adamStep(KIT_ADAM, KIT_LEARNING_RATE);

            // and by the reference, in double
            Map<String, DoubleTensor> expected = d.referenceParameters();
            DoubleTensor refOut = d.reference().forward(expected, d.referenceInput());
            double refL1 = 0;
            double[] refUpstream = new double[refOut.size()];
            for (int i = 0; i < refOut.size(); i++) {
                double diff = refOut.data()[i] - target.data()[i];
                refL1 += Math.abs(diff);
                refUpstream[i] = Math.signum(diff) / refOut.size();
            }
            refL1 /= refOut.size();
            new AdamState().step(expected, d.reference().gradients(expected, d.referenceInput(),
                    DoubleTensor.of(refUpstream, refOut.shape())).parameters(), KIT_ADAM, KIT_LEARNING_RATE);

            SoftAssertions soft = new SoftAssertions();
            record(reporter, "train step", c.toString(), "loss vs L1 of its forward", Math.abs(loss - l1) / l1,
                    tolerances().output(), soft);
            record(reporter, "train step", c.toString(), "loss vs reference", Math.abs(loss - refL1) / refL1,
                    tolerances().output(), soft);
            compareUpdates(reporter, "train step vs backward + adamStep", c.toString(), d.parameters(),
                    trained.parameters(), ReferenceModel.widen(manual.parameters()), ULPS_VS_BACKEND, soft);
            compareUpdates(reporter, "train step vs reference", c.toString(), d.parameters(), trained.parameters(),
                    expected, ULPS_VS_REFERENCE, soft);
            soft.assertAll();
        }
    }

    // ---------------------------------------------------------------- golden PyTorch cases

    @ParameterizedTest(name = "{0}")
    @MethodSource(FIXTURES)
    void goldenFixtureMatches(String name, TestReporter reporter) {
        Assumptions.assumeTrue(!name.equals(NO_FIXTURES), GoldenFixture::absentReason);
        GoldenFixture f = GoldenFixture.load(name);
        try (Module m = compile(f.spec(), f.parameters())) {
            SoftAssertions soft = new SoftAssertions();
            record(reporter, "golden output", name, "output", RelativeError.of(m.forward(f.input()), f.output()),
                    tolerances().output(), soft);
            Gradients g = m.backward(f.input(), f.upstream());
            record(reporter, "golden gradient", name, "grad.input", RelativeError.of(g.input(), f.inputGradient()),
                    tolerances().gradient(), soft);
            for (ParamSpec p : f.spec().parameters()) {
                Tensor grad = g.parameters().get(p.name());
                if (grad == null) {
                    soft.fail("%s: the backend returned no gradient for parameter '%s'", name, p.name());
                    continue;
                }
                record(reporter, "golden gradient", name, "grad." + p.name(),
                        RelativeError.of(grad, f.gradients().get(p.name())), tolerances().gradient(), soft);
            }
            m.adamStep(AdamSettings.paper(), GoldenFixture.LEARNING_RATE);
            Map<String, Tensor> after = m.parameters();
            for (ParamSpec p : f.spec().parameters()) {
                FirstAdamStep.Comparison cmp = FirstAdamStep.compare(f.parameters().get(p.name()), after.get(p.name()),
                        f.afterAdam().get(p.name()), f.gradients().get(p.name()), GoldenFixture.LEARNING_RATE);
                record(reporter, "golden Adam step", name, "adam1." + p.name() + " update" + cmp.note(), cmp.error(),
                        tolerances().adamUpdate(), soft);
                soft.assertThat(cmp.largestExcludedStep()).as("%s adam1.%s: a first Adam step is at most lr", name,
                        p.name()).isLessThanOrEqualTo(GoldenFixture.LEARNING_RATE * 1.001);
            }
            soft.assertAll();
        }
    }

    // ---------------------------------------------------------------- weights, state, determinism

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void compiledParametersComeBackUnchanged(ConformanceCase c) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Map<String, Tensor> back = m.parameters();
            assertThat(List.copyOf(back.keySet())).as("%s: parameter names, in spec order", c)
                    .containsExactlyElementsOf(names(c.spec()));
            SoftAssertions soft = new SoftAssertions();
            for (ParamSpec p : c.spec().parameters()) {
                soft.assertThat(back.get(p.name()).bitEquals(d.parameters().get(p.name())))
                        .as("%s: parameters() returns '%s' bit for bit", c, p.name()).isTrue();
                soft.assertThat(m.parameter(p.name()).bitEquals(d.parameters().get(p.name())))
                        .as("%s: parameter('%s') returns it bit for bit", c, p.name()).isTrue();
            }
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void weightsMoveBetweenBackendAndReference(ConformanceCase c, @TempDir Path dir, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        SoftAssertions soft = new SoftAssertions();
        try (BackendContext reference = new ReferenceBackend().open(Device.CPU, BackendOptions.defaults())) {
            // backend -> file -> reference, with weights the backend itself produced (after a step)
            try (Module m = compile(c.spec(), d.parameters())) {
                m.backward(d.input(), d.upstream());
                m.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                Map<String, Tensor> saved = m.parameters();
                Map<String, Tensor> loaded = saveAndLoad(c.spec(), dir.resolve("from-backend.safetensors"), saved);
                requireBitEqual(soft, c + ": backend weights after a file round trip", saved, loaded);
                try (Module r = reference.compile(c.spec(), loaded)) {
                    requireBitEqual(soft, c + ": backend weights loaded into the reference", saved, r.parameters());
                    record(reporter, "weights backend -> reference", c.toString(), "output",
                            RelativeError.of(m.forward(d.input()),
                                    DoubleTensor.from(r.forward(d.input()))), tolerances().output(), soft);
                }
            }
            // reference -> file -> backend, with weights the reference produced, into a module compiled
            // with other weights (setParameters) and into a fresh one (compile)
            CaseData other = CaseData.of(c, c.seed() + 200);
            try (Module r = reference.compile(c.spec(), other.parameters())) {
                r.backward(other.input(), other.upstream());
                r.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                Map<String, Tensor> saved = r.parameters();
                Map<String, Tensor> loaded = saveAndLoad(c.spec(), dir.resolve("from-reference.safetensors"), saved);
                DoubleTensor expected = d.reference().forward(ReferenceModel.widen(saved), d.referenceInput());
                try (Module m = compile(c.spec(), d.parameters()); Module fresh = compile(c.spec(), loaded)) {
                    m.setParameters(loaded);
                    requireBitEqual(soft, c + ": reference weights set into the backend", saved, m.parameters());
                    requireBitEqual(soft, c + ": reference weights compiled by the backend", saved, fresh.parameters());
                    record(reporter, "weights reference -> backend", c.toString(), "output after setParameters",
                            RelativeError.of(m.forward(d.input()), expected), tolerances().output(), soft);
                    record(reporter, "weights reference -> backend", c.toString(), "output after compile",
                            RelativeError.of(fresh.forward(d.input()), expected), tolerances().output(), soft);
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
            assertThat(initial.secondMoment()).as("%s: second moments before any step", c).isEmpty();

            a.backward(d.input(), d.upstream());
            a.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
            OptimizerState state = a.optimizerState();
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(state.step()).as("%s: step count after one step", c).isEqualTo(1);
            for (Map<String, Tensor> moment : List.of(state.firstMoment(), state.secondMoment())) {
                soft.assertThat(moment.keySet()).as("%s: moment names", c)
                        .containsExactlyInAnyOrderElementsOf(names(c.spec()));
                for (ParamSpec p : c.spec().parameters()) {
                    if (moment.containsKey(p.name())) {
                        soft.assertThat(moment.get(p.name()).shape()).as("%s: moment shape of %s", c, p.name())
                                .containsExactly(p.shape());
                    }
                }
            }
            Map<String, Tensor> afterOne = a.parameters();
            try (Module b = compile(c.spec(), afterOne)) {
                b.setOptimizerState(state);
                OptimizerState restored = b.optimizerState();
                soft.assertThat(restored.step()).as("%s: restored step count", c).isEqualTo(1);
                requireBitEqual(soft, c + ": restored first moments", state.firstMoment(), restored.firstMoment());
                requireBitEqual(soft, c + ": restored second moments", state.secondMoment(), restored.secondMoment());

                // a bad state is rejected and leaves the state as it was
                ParamSpec first = c.spec().parameters().get(0);
                Map<String, Tensor> misshapen = new LinkedHashMap<>(state.firstMoment());
                misshapen.put(first.name(), Tensor.zeros(grown(first.shape())));
                soft.assertThatThrownBy(() -> b.setOptimizerState(
                        new OptimizerState(5, misshapen, state.secondMoment())))
                        .as("%s: a moment of the wrong shape", c).isInstanceOf(ShapeMismatchException.class);
                Map<String, Tensor> unknown = new LinkedHashMap<>(state.firstMoment());
                unknown.put(UNKNOWN_NAME, Tensor.zeros(1));
                soft.assertThatThrownBy(() -> b.setOptimizerState(new OptimizerState(5, unknown, state.secondMoment())))
                        .as("%s: a moment with an unknown name", c).isInstanceOf(IllegalArgumentException.class);
                soft.assertThat(b.optimizerState().step()).as("%s: step count after rejected states", c).isEqualTo(1);

                // the restored module takes the same second step as the original
                a.backward(second.input(), second.upstream());
                a.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                b.backward(second.input(), second.upstream());
                b.adamStep(KIT_ADAM, KIT_LEARNING_RATE);
                compareUpdates(reporter, "second step after restoring the state", c.toString(), afterOne,
                        b.parameters(), ReferenceModel.widen(a.parameters()), ULPS_VS_BACKEND, soft);
            }
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void repeatedRunsAreBitIdentical(ConformanceCase c) {
        Assumptions.assumeTrue(device().isCpu(), "bit-identical repeats are required on the CPU only, not on " + device());
        CaseData d = CaseData.of(c);
        Tensor target = SeededTensors.uniform(c.seed() + 5, 0, 1, c.outputShape());
        SoftAssertions soft = new SoftAssertions();
        try (Module m = compile(c.spec(), d.parameters()); Module twin = compile(c.spec(), d.parameters())) {
            Tensor out = m.forward(d.input());
            soft.assertThat(m.forward(d.input()).bitEquals(out)).as("%s: forward twice", c).isTrue();
            soft.assertThat(twin.forward(d.input()).bitEquals(out)).as("%s: forward of a second module", c).isTrue();
            Gradients g1 = m.backward(d.input(), d.upstream());
            Gradients g2 = m.backward(d.input(), d.upstream());
            Gradients g3 = twin.backward(d.input(), d.upstream());
            for (Gradients other : List.of(g2, g3)) {
                soft.assertThat(other.input().bitEquals(g1.input())).as("%s: input gradient repeated", c).isTrue();
                requireBitEqual(soft, c + ": parameter gradients repeated", g1.parameters(), other.parameters());
            }
        }
        try (Module m = compile(c.spec(), d.parameters()); Module twin = compile(c.spec(), d.parameters())) {
            float loss = m.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);
            float twinLoss = twin.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);
            soft.assertThat(Float.floatToIntBits(twinLoss)).as("%s: train step loss repeated", c)
                    .isEqualTo(Float.floatToIntBits(loss));
            requireBitEqual(soft, c + ": parameters after a train step, repeated", m.parameters(), twin.parameters());
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------- error behaviour

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
                soft.assertThatThrownBy(() -> m.forward(Tensor.zeros(bad))).as("forward, %s", what)
                        .isInstanceOf(ShapeMismatchException.class);
                soft.assertThatThrownBy(() -> m.backward(Tensor.zeros(bad), d.upstream())).as("backward, %s", what)
                        .isInstanceOf(ShapeMismatchException.class);
                soft.assertThatThrownBy(() -> m.trainStep(Tensor.zeros(bad), Tensor.zeros(c.outputShape()), KIT_ADAM,
                        KIT_LEARNING_RATE)).as("trainStep, %s", what).isInstanceOf(ShapeMismatchException.class);
            }
            soft.assertThatThrownBy(() -> m.backward(d.input(), Tensor.zeros(wrongOutput)))
                    .as("%s: backward with an upstream gradient of shape %s", c, Arrays.toString(wrongOutput))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThatThrownBy(() -> m.trainStep(d.input(), Tensor.zeros(wrongOutput), KIT_ADAM, KIT_LEARNING_RATE))
                    .as("%s: trainStep with a target of shape %s", c, Arrays.toString(wrongOutput))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThat(RelativeError.of(m.forward(d.input()), before))
                    .as("%s: the module computes as before after the rejected calls", c)
                    .isLessThanOrEqualTo(tolerances().output());
            requireBitEqual(soft, c + ": parameters after the rejected calls", d.parameters(), m.parameters());
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
                    .as("%s: setParameters with '%s' of shape %s", c, last.name(), Arrays.toString(misshapen.shape()))
                    .isInstanceOf(ShapeMismatchException.class);
            soft.assertThatThrownBy(() -> m.setParameters(Map.of(UNKNOWN_NAME, Tensor.zeros(1))))
                    .as("%s: setParameters with an unknown name", c).isInstanceOf(IllegalArgumentException.class);
            soft.assertThatThrownBy(() -> m.parameter(UNKNOWN_NAME))
                    .as("%s: parameter() with an unknown name", c).isInstanceOf(IllegalArgumentException.class);
            // a good value before a bad one in the same map: nothing may change
            Map<String, Tensor> mixed = new LinkedHashMap<>();
            mixed.put(first.name(), SeededTensors.uniform(c.seed() + 7, -1, 1, first.shape()));
            mixed.put(last.name(), misshapen);
            soft.assertThatThrownBy(() -> m.setParameters(mixed)).as("%s: a good and a misshapen parameter", c)
                    .isInstanceOf(ShapeMismatchException.class);
            Map<String, Tensor> mixedUnknown = new LinkedHashMap<>();
            mixedUnknown.put(first.name(), mixed.get(first.name()));
            mixedUnknown.put(UNKNOWN_NAME, Tensor.zeros(1));
            soft.assertThatThrownBy(() -> m.setParameters(mixedUnknown)).as("%s: a good and an unknown parameter", c)
                    .isInstanceOf(IllegalArgumentException.class);
            requireBitEqual(soft, c + ": parameters after rejected setParameters", d.parameters(), m.parameters());
        }
        Map<String, Tensor> missing = new LinkedHashMap<>(d.parameters());
        missing.remove(last.name());
        soft.assertThatThrownBy(() -> compile(c.spec(), missing).close())
                .as("%s: compile without '%s'", c, last.name()).isInstanceOf(IllegalArgumentException.class);
        Map<String, Tensor> wrongShape = new LinkedHashMap<>(d.parameters());
        wrongShape.put(last.name(), misshapen);
        soft.assertThatThrownBy(() -> compile(c.spec(), wrongShape).close())
                .as("%s: compile with '%s' misshapen", c, last.name()).isInstanceOf(ShapeMismatchException.class);
        soft.assertAll();
    }

    // ---------------------------------------------------------------- helpers

    private Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
        Assumptions.assumeTrue(context != null, "backend not opened");
        return context.compile(spec, parameters);
    }

    /** Reports one measured error and adds its check to {@code soft}. */
    private void record(TestReporter reporter, String check, String subject, String quantity, double error,
            double tolerance, SoftAssertions soft) {
        Measurement m = new Measurement(check, subject, quantity, error, tolerance);
        measurements.add(m);
        reporter.publishEntry(check + " | " + quantity, String.format(java.util.Locale.ROOT, "%.3e (tolerance %.0e)",
                error, tolerance));
        LOG.info("[{}] {}", backend.name(), m);
        soft.assertThat(error).as("%s, %s: %s error (normwise relative)", check, subject, quantity)
                .isLessThanOrEqualTo(tolerance);
    }

    private SoftAssertions check(TestReporter reporter, String check, String subject, String quantity, double error,
            double tolerance) {
        SoftAssertions soft = new SoftAssertions();
        record(reporter, check, subject, quantity, error, tolerance, soft);
        return soft;
    }

    /**
     * Each parameter's change {@code after - before} against the expected change, forgiving
     * {@code ulps} float32 units in the last place per element (see {@link UpdateError}).
     */
    private void compareUpdates(TestReporter reporter, String check, String subject, Map<String, Tensor> before,
            Map<String, Tensor> after, Map<String, DoubleTensor> expectedAfter, double ulps, SoftAssertions soft) {
        for (Map.Entry<String, Tensor> e : before.entrySet()) {
            String name = e.getKey();
            record(reporter, check, subject, name + " update",
                    UpdateError.of(e.getValue(), after.get(name), expectedAfter.get(name), ulps),
                    tolerances().adamUpdate(), soft);
        }
    }

    private static void requireBitEqual(SoftAssertions soft, String what, Map<String, Tensor> expected,
            Map<String, Tensor> actual) {
        soft.assertThat(List.copyOf(actual.keySet())).as("%s: names", what).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, t) -> {
            Tensor a = actual.get(name);
            soft.assertThat(a != null && a.bitEquals(t)).as("%s: '%s' bit for bit", what, name).isTrue();
        });
    }

    /** Saves in SPEC's weights format (a whole network with its config) or plain safetensors, and reads back. */
    private static Map<String, Tensor> saveAndLoad(LayerSpec spec, Path file, Map<String, Tensor> parameters) {
        if (spec instanceof SrgrnSpec s) {
            WeightsFile.save(file, s.config(), parameters, Map.of());
            SrgrnWeights w = WeightsFile.load(file);
            assertThat(w.config()).as("config read back from %s", file).isEqualTo(s.config());
            return w.parameters();
        }
        Safetensors.write(file, parameters, Map.of());
        return Safetensors.read(file).tensors();
    }

    private static List<String> names(LayerSpec spec) {
        return spec.parameters().stream().map(ParamSpec::name).toList();
    }

    /** The shape with its first dimension one larger. */
    private static int[] grown(int[] shape) {
        int[] s = shape.clone();
        s[0]++;
        return s;
    }

    /** A case's seeded parameters, input and upstream gradient, and the reference's view of them. */
    private record CaseData(Map<String, Tensor> parameters, Tensor input, Tensor upstream, ReferenceModel reference) {

        static CaseData of(ConformanceCase c) {
            return of(c, c.seed());
        }

        static CaseData of(ConformanceCase c, long seed) {
            // images are in [0, 1]; inner layers see features of both signs
            double low = c.spec() instanceof SrgrnSpec ? 0 : -1;
            return new CaseData(SeededTensors.parameters(c.spec(), seed),
                    SeededTensors.uniform(seed + 1, low, 1, c.inputShape()),
                    SeededTensors.normal(seed + 2, c.outputShape()), new ReferenceModel(c.spec()));
        }

        /** Fresh double copies, so callers may update them. */
        Map<String, DoubleTensor> referenceParameters() {
            return ReferenceModel.widen(parameters);
        }

        DoubleTensor referenceInput() {
            return DoubleTensor.from(input);
        }

        DoubleTensor referenceUpstream() {
            return DoubleTensor.from(upstream);
        }

        ReferenceGradients referenceGradients() {
            return reference.gradients(referenceParameters(), referenceInput(), referenceUpstream());
        }
    }
}
