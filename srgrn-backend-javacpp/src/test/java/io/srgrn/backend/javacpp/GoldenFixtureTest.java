package io.srgrn.backend.javacpp;

import static io.srgrn.backend.javacpp.Numerics.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The whole SRGRN against the golden cases of an independent PyTorch implementation (SPEC fixtures):
 * forward, the gradients of sum(output * upstream) and one Adam step at lr 1e-3.
 */
class GoldenFixtureTest {
    /** float32 arithmetic against a float64 reference, normwise (fixtures/README.md: around 1e-5). */
    static final double TOLERANCE = 2e-5;

    static final String[] FILES = Fixtures.FILES;

    @ParameterizedTest
    @FieldSource("FILES")
    void forwardMatchesPyTorch(String file) {
        Fixtures f = Fixtures.load(file);
        try (Module m = TestContexts.cpu().compile(f.spec(), f.weights())) {
            assertClose(file + " output", m.forward(f.tensor("input")), f.tensor("output"), TOLERANCE);
        }
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void gradientsMatchPyTorch(String file) {
        Fixtures f = Fixtures.load(file);
        try (Module m = TestContexts.cpu().compile(f.spec(), f.weights())) {
            Gradients g = m.backward(f.tensor("input"), f.tensor("upstream"));
            assertClose(file + " grad.input", g.input(), f.tensor("grad.input"), TOLERANCE);
            for (ParamSpec p : f.spec().parameters()) {
                assertClose(file + " grad." + p.name(), g.parameters().get(p.name()), f.tensor("grad." + p.name()),
                        TOLERANCE);
            }
        }
    }

    /**
     * Adam's first step moves each weight by about -lr * g / (|g| + eps): for gradients within a few
     * eps of zero that ratio amplifies the float32-vs-float64 gradient error (fixture x3,
     * rdbs.1.lff.weight[43]: g = -7.7e-9 here, -1.06e-8 in float64, update 4.3e-4 vs 5.1e-4). Those
     * ill-conditioned weights are left out here; AdamStepTest checks the update of every weight
     * against the gradients this backend computed.
     */
    static final double WELL_CONDITIONED_GRADIENT = 1e-6;

    @ParameterizedTest
    @FieldSource("FILES")
    void oneAdamStepMatchesPyTorch(String file) {
        Fixtures f = Fixtures.load(file);
        try (Module m = TestContexts.cpu().compile(f.spec(), f.weights())) {
            m.backward(f.tensor("input"), f.tensor("upstream"));
            m.adamStep(AdamSettings.paper(), 1e-3);
            long compared = 0;
            for (ParamSpec p : f.spec().parameters()) {
                Tensor expected = f.tensor("adam1." + p.name());
                float[] grad = f.tensor("grad." + p.name()).data();
                Tensor actual = m.parameter(p.name());
                float[] a = actual.data().clone();
                float[] e = expected.data().clone();
                for (int i = 0; i < grad.length; i++) {
                    if (Math.abs(grad[i]) < WELL_CONDITIONED_GRADIENT) {
                        a[i] = 0;
                        e[i] = 0;
                    } else {
                        compared++;
                    }
                }
                assertClose(file + " adam1." + p.name(), Tensor.of(a, p.shape()), Tensor.of(e, p.shape()), TOLERANCE);
            }
            assertThat(compared).as("weights compared").isGreaterThan(f.spec().parameterCount() * 9 / 10);
        }
    }
}
