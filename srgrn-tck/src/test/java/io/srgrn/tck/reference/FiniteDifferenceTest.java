package io.srgrn.tck.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.ConformanceCase;
import io.srgrn.tck.ConformanceCases;
import io.srgrn.tck.SeededTensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference's backward pass against central finite differences in double, for every layer kind,
 * the input and every parameter, of {@code L = sum(forward(x) * R)}.
 *
 * <p>Per tensor: the derivative along one random unit direction (it sees every element's gradient
 * at once) and four single elements (three random ones and the largest gradient).
 *
 * <p>Tolerance: with h = 1e-5 the truncation error is O(h^2) ~ 1e-10 relative. The rounding error
 * of {@code (L(x+h) - L(x-h)) / 2h} is about eps * sum|out * R| / h in absolute terms, which
 * matters for parameters whose gradient is tiny (the proj weights of a MEAN aggregation: ~1e-4 when
 * others are ~1); it is allowed as an absolute floor, 10 times the estimate (measured: 1 to 3
 * times). A wrong formula gives errors of order one times the gradient, far above 1e-6 relative
 * plus that floor. Larger steps are not used: around h = 1e-3 the perturbation crosses ReLU kinks.
 */
class FiniteDifferenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(FiniteDifferenceTest.class);
    private static final double STEP = 1e-5;
    private static final double RELATIVE_TOLERANCE = 1e-6;
    private static final double FLOOR_FACTOR = 10;
    private static final String INPUT = "(input)";

    static List<ConformanceCase> cases() {
        return ConformanceCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(ConformanceCase c, TestReporter reporter) {
        ReferenceModel model = new ReferenceModel(c.spec());
        Map<String, DoubleTensor> params =
                ReferenceModel.widen(SeededTensors.parameters(c.spec(), c.seed()));
        DoubleTensor input =
                DoubleTensor.from(
                        Tensor.uniform(new SplittableRandom(c.seed() + 1), -1, 1, c.inputShape()));
        DoubleTensor upstream =
                DoubleTensor.from(SeededTensors.normal(c.seed() + 2, c.outputShape()));
        ReferenceGradients analytic = model.gradients(params, input, upstream);

        Map<String, DoubleTensor> targets = new LinkedHashMap<>();
        Map<String, DoubleTensor> grads = new LinkedHashMap<>();
        targets.put(INPUT, input);
        grads.put(INPUT, analytic.input());
        for (ParamSpec p : c.spec().parameters()) {
            targets.put(p.name(), params.get(p.name()));
            grads.put(p.name(), analytic.parameters().get(p.name()));
        }
        Loss loss = () -> model.forward(params, input).dot(upstream);
        double floor =
                FLOOR_FACTOR * Math.ulp(1.0) * absoluteLoss(analytic.output(), upstream) / STEP;

        SoftAssertions soft = new SoftAssertions();
        SplittableRandom random = new SplittableRandom(c.seed() + 3);
        double worst = 0;
        String worstName = "";
        for (Map.Entry<String, DoubleTensor> e : targets.entrySet()) {
            String name = e.getKey();
            DoubleTensor target = e.getValue();
            DoubleTensor grad = grads.get(name);
            assertThat(grad.norm())
                    .as(
                            "%s: the gradient of %s is zero, so nothing about it would be checked",
                            c, name)
                    .isGreaterThan(0);
            // each error is measured in units of the allowed error: <= 1 passes
            double error =
                    directionalDifference(loss, target, grad, random)
                            / (RELATIVE_TOLERANCE * grad.norm() + floor);
            for (int index : elementsToProbe(grad, random)) {
                error =
                        Math.max(
                                error,
                                elementDifference(loss, target, grad, index)
                                        / (RELATIVE_TOLERANCE * maxAbs(grad) + floor));
            }
            soft.assertThat(error)
                    .as(
                            "%s: finite differences of %s, in units of (1e-6 relative + %.1e)",
                            c, name, floor)
                    .isLessThanOrEqualTo(1.0);
            if (error >= worst) {
                worst = error;
                worstName = name;
            }
        }
        reporter.publishEntry(c + " worst", worstName + " " + worst);
        LOG.info(
                "{}: {} tensors, worst finite-difference error {} of the allowed (1e-6 relative + {}) for {}",
                c,
                targets.size(),
                worst,
                floor,
                worstName);
        soft.assertAll();
    }

    @FunctionalInterface
    private interface Loss {
        double value();
    }

    /**
     * |numeric - analytic| derivative along a random unit direction v: (L(x+hv) - L(x-hv)) / 2h vs
     * <g, v>.
     */
    private static double directionalDifference(
            Loss loss, DoubleTensor target, DoubleTensor grad, SplittableRandom random) {
        double[] x = target.data();
        double[] v = new double[x.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() * 2 - 1;
            norm += v[i] * v[i];
        }
        double analytic = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] /= Math.sqrt(norm);
            analytic += grad.data()[i] * v[i];
        }
        double[] saved = x.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = saved[i] + STEP * v[i];
        }
        double plus = loss.value();
        for (int i = 0; i < x.length; i++) {
            x[i] = saved[i] - STEP * v[i];
        }
        double minus = loss.value();
        System.arraycopy(saved, 0, x, 0, x.length);
        return Math.abs((plus - minus) / (2 * STEP) - analytic);
    }

    /** |numeric - analytic| derivative with respect to one element. */
    private static double elementDifference(
            Loss loss, DoubleTensor target, DoubleTensor grad, int index) {
        double[] x = target.data();
        double saved = x[index];
        x[index] = saved + STEP;
        double plus = loss.value();
        x[index] = saved - STEP;
        double minus = loss.value();
        x[index] = saved;
        return Math.abs((plus - minus) / (2 * STEP) - grad.data()[index]);
    }

    private static List<Integer> elementsToProbe(DoubleTensor grad, SplittableRandom random) {
        List<Integer> indices = new ArrayList<>();
        int largest = 0;
        for (int i = 1; i < grad.size(); i++) {
            if (Math.abs(grad.data()[i]) > Math.abs(grad.data()[largest])) {
                largest = i;
            }
        }
        indices.add(largest);
        for (int k = 0; k < 3; k++) {
            indices.add(random.nextInt(grad.size()));
        }
        return indices;
    }

    private static double absoluteLoss(DoubleTensor output, DoubleTensor upstream) {
        double s = 0;
        for (int i = 0; i < output.size(); i++) {
            s += Math.abs(output.data()[i] * upstream.data()[i]);
        }
        return s;
    }

    private static double maxAbs(DoubleTensor t) {
        double m = 0;
        for (double d : t.data()) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
