package io.srgrn.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.AdamState;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceModel;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kit's numeric checks: a backend computes what the double-precision reference computes
 * (output, input and parameter gradients, two Adam steps, a train step) on every case, matches the
 * golden PyTorch cases, and on the CPU repeats itself bit for bit.
 */
public abstract class NumericsConformanceKit extends BackendConformanceKit {
    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void forwardMatchesReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Tensor out = m.forward(d.input());
            assertThat(out.shape()).as("output shape of %s", c).containsExactly(c.outputShape());
            double error =
                    RelativeError.of(
                            out,
                            d.reference().forward(d.referenceParameters(), d.referenceInput()));
            check(reporter, "forward", c.toString(), "output", error, tolerances().output())
                    .assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void inputGradientMatchesReference(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        try (Module m = compile(c.spec(), d.parameters())) {
            Gradients g = m.backward(d.input(), d.upstream());
            assertThat(g.input().shape())
                    .as("input gradient shape of %s", c)
                    .containsExactly(c.inputShape());
            double error = RelativeError.of(g.input(), d.referenceGradients().input());
            check(
                            reporter,
                            "input gradient",
                            c.toString(),
                            "grad.input",
                            error,
                            tolerances().gradient())
                    .assertAll();
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
                    soft.fail(
                            "%s: the backend returned no gradient for parameter '%s'", c, p.name());
                    continue;
                }
                double error = RelativeError.of(g, expected.get(p.name()));
                record(
                        reporter,
                        "parameter gradient",
                        c.toString(),
                        "grad." + p.name(),
                        error,
                        tolerances().gradient(),
                        soft);
            }
            soft.assertThat(List.copyOf(grads.keySet()))
                    .as("%s: gradient names, in spec order", c)
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
            adam.step(
                    expected,
                    d.reference()
                            .gradients(expected, d.referenceInput(), d.referenceUpstream())
                            .parameters(),
                    KIT_ADAM,
                    KIT_LEARNING_RATE);
            adam.step(
                    expected,
                    d.reference()
                            .gradients(
                                    expected, second.referenceInput(), second.referenceUpstream())
                            .parameters(),
                    KIT_ADAM,
                    KIT_LEARNING_RATE);
            SoftAssertions soft = new SoftAssertions();
            compareUpdates(
                    reporter,
                    "two Adam steps",
                    c.toString(),
                    d.parameters(),
                    m.parameters(),
                    expected,
                    ULPS_VS_REFERENCE,
                    soft);
            soft.assertThat(m.optimizerState().step()).as("%s: Adam step count", c).isEqualTo(2);
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void trainStepIsForwardL1BackwardAndAdam(ConformanceCase c, TestReporter reporter) {
        CaseData d = CaseData.of(c);
        Tensor target = Tensor.uniform(new SplittableRandom(c.seed() + 5), 0, 1, c.outputShape());
        try (Module trained = compile(c.spec(), d.parameters());
                Module manual = compile(c.spec(), d.parameters())) {
            float loss = trained.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);

            // the same step by hand: forward, L1's gradient sign(out - target) / numel, backward,
            // Adam
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
            new AdamState()
                    .step(
                            expected,
                            d.reference()
                                    .gradients(
                                            expected,
                                            d.referenceInput(),
                                            DoubleTensor.of(refUpstream, refOut.shape()))
                                    .parameters(),
                            KIT_ADAM,
                            KIT_LEARNING_RATE);

            SoftAssertions soft = new SoftAssertions();
            record(
                    reporter,
                    "train step",
                    c.toString(),
                    "loss vs L1 of its forward",
                    Math.abs(loss - l1) / l1,
                    tolerances().output(),
                    soft);
            record(
                    reporter,
                    "train step",
                    c.toString(),
                    "loss vs reference",
                    Math.abs(loss - refL1) / refL1,
                    tolerances().output(),
                    soft);
            compareUpdates(
                    reporter,
                    "train step vs backward + adamStep",
                    c.toString(),
                    d.parameters(),
                    trained.parameters(),
                    ReferenceModel.widen(manual.parameters()),
                    ULPS_VS_BACKEND,
                    soft);
            compareUpdates(
                    reporter,
                    "train step vs reference",
                    c.toString(),
                    d.parameters(),
                    trained.parameters(),
                    expected,
                    ULPS_VS_REFERENCE,
                    soft);
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
            record(
                    reporter,
                    "golden output",
                    name,
                    "output",
                    RelativeError.of(m.forward(f.input()), f.output()),
                    tolerances().output(),
                    soft);
            Gradients g = m.backward(f.input(), f.upstream());
            record(
                    reporter,
                    "golden gradient",
                    name,
                    "grad.input",
                    RelativeError.of(g.input(), f.inputGradient()),
                    tolerances().gradient(),
                    soft);
            for (ParamSpec p : f.spec().parameters()) {
                Tensor grad = g.parameters().get(p.name());
                if (grad == null) {
                    soft.fail(
                            "%s: the backend returned no gradient for parameter '%s'",
                            name, p.name());
                    continue;
                }
                record(
                        reporter,
                        "golden gradient",
                        name,
                        "grad." + p.name(),
                        RelativeError.of(grad, f.gradients().get(p.name())),
                        tolerances().gradient(),
                        soft);
            }
            m.adamStep(AdamSettings.paper(), GoldenFixture.LEARNING_RATE);
            Map<String, Tensor> after = m.parameters();
            for (ParamSpec p : f.spec().parameters()) {
                FirstAdamStep.Comparison cmp =
                        FirstAdamStep.compare(
                                f.parameters().get(p.name()),
                                after.get(p.name()),
                                f.afterAdam().get(p.name()),
                                f.gradients().get(p.name()),
                                GoldenFixture.LEARNING_RATE);
                record(
                        reporter,
                        "golden Adam step",
                        name,
                        "adam1." + p.name() + " update" + cmp.note(),
                        cmp.error(),
                        tolerances().adamUpdate(),
                        soft);
                soft.assertThat(cmp.largestExcludedStep())
                        .as("%s adam1.%s: a first Adam step is at most lr", name, p.name())
                        .isLessThanOrEqualTo(GoldenFixture.LEARNING_RATE * 1.001);
            }
            soft.assertAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CASES)
    void repeatedRunsAreBitIdentical(ConformanceCase c) {
        Assumptions.assumeTrue(
                device().isCpu(),
                "bit-identical repeats are required on the CPU only, not on " + device());
        CaseData d = CaseData.of(c);
        Tensor target = Tensor.uniform(new SplittableRandom(c.seed() + 5), 0, 1, c.outputShape());
        SoftAssertions soft = new SoftAssertions();
        try (Module m = compile(c.spec(), d.parameters());
                Module twin = compile(c.spec(), d.parameters())) {
            Tensor out = m.forward(d.input());
            soft.assertThat(m.forward(d.input()).bitEquals(out))
                    .as("%s: forward twice", c)
                    .isTrue();
            soft.assertThat(twin.forward(d.input()).bitEquals(out))
                    .as("%s: forward of a second module", c)
                    .isTrue();
            Gradients g1 = m.backward(d.input(), d.upstream());
            Gradients g2 = m.backward(d.input(), d.upstream());
            Gradients g3 = twin.backward(d.input(), d.upstream());
            for (Gradients other : List.of(g2, g3)) {
                soft.assertThat(other.input().bitEquals(g1.input()))
                        .as("%s: input gradient repeated", c)
                        .isTrue();
                requireBitEqual(
                        soft,
                        c + ": parameter gradients repeated",
                        g1.parameters(),
                        other.parameters());
            }
        }
        try (Module m = compile(c.spec(), d.parameters());
                Module twin = compile(c.spec(), d.parameters())) {
            float loss = m.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);
            float twinLoss = twin.trainStep(d.input(), target, KIT_ADAM, KIT_LEARNING_RATE);
            soft.assertThat(Float.floatToIntBits(twinLoss))
                    .as("%s: train step loss repeated", c)
                    .isEqualTo(Float.floatToIntBits(loss));
            requireBitEqual(
                    soft,
                    c + ": parameters after a train step, repeated",
                    m.parameters(),
                    twin.parameters());
        }
        soft.assertAll();
    }
}
