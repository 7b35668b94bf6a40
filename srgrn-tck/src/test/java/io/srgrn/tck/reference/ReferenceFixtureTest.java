package io.srgrn.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.tck.GoldenFixture;
import io.srgrn.tck.RelativeError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference against the golden cases of an independent PyTorch implementation of SPEC: output,
 * every gradient and one Adam step. The fixtures are float32 copies of float64 results, so the
 * reference (double) should agree to float32 rounding, about 1e-7; 1e-5 leaves room for the
 * cancellation in small gradient tensors while still catching any misreading of SPEC (those give
 * errors of order 1).
 */
class ReferenceFixtureTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFixtureTest.class);
    private static final double TOLERANCE = 1e-5;

    static List<String> fixtures() {
        List<String> names = GoldenFixture.names();
        return names.isEmpty() ? List.of("(absent)") : names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reproducesGoldenCase(String name, TestReporter reporter) {
        Assumptions.assumeTrue(
                GoldenFixture.directory() != null && !name.equals("(absent)"),
                GoldenFixture.absentReason());
        GoldenFixture f = GoldenFixture.load(name);
        ReferenceModel model = new ReferenceModel(f.spec());
        Map<String, DoubleTensor> params = ReferenceModel.widen(f.parameters());
        ReferenceGradients g =
                model.gradients(
                        params, DoubleTensor.from(f.input()), DoubleTensor.from(f.upstream()));

        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("output", RelativeError.of(f.output(), g.output()));
        errors.put("grad.input", RelativeError.of(f.inputGradient(), g.input()));
        for (ParamSpec p : f.spec().parameters()) {
            errors.put(
                    "grad." + p.name(),
                    RelativeError.of(f.gradients().get(p.name()), g.parameters().get(p.name())));
        }
        new AdamState()
                .step(params, g.parameters(), AdamSettings.paper(), GoldenFixture.LEARNING_RATE);
        for (ParamSpec p : f.spec().parameters()) {
            errors.put(
                    "adam1." + p.name(),
                    RelativeError.of(f.afterAdam().get(p.name()), params.get(p.name())));
        }
        errors.forEach(
                (what, err) ->
                        soft.assertThat(err)
                                .as("%s %s", name, what)
                                .isLessThanOrEqualTo(TOLERANCE));
        double worst =
                errors.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String worstName =
                errors.entrySet().stream()
                        .filter(e -> e.getValue() == worst)
                        .findFirst()
                        .orElseThrow()
                        .getKey();
        reporter.publishEntry(name + " worst", worstName + " " + worst);
        LOG.info(
                "{}: output {}, grad.input {}, worst {} = {} over {} checks",
                name,
                errors.get("output"),
                errors.get("grad.input"),
                worstName,
                worst,
                errors.size());
        assertThat(errors).hasSize(2 + 2 * f.spec().parameters().size());
        soft.assertAll();
    }
}
