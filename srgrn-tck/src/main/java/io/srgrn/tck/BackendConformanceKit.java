package io.srgrn.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.tck.reference.DoubleTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every suite of the conformance kit: it opens the backend under test once per class,
 * skips the whole class with the backend's reason where it is unavailable (or does not offer {@link
 * #device()}), records every measured error and ends the class with a table of them. The checks
 * live in suites by concern, each an abstract subclass:
 *
 * <ul>
 *   <li>{@link NumericsConformanceKit}: outputs, gradients, Adam steps, train steps and the golden
 *       PyTorch cases against the double-precision reference, and bit-identical repeats;
 *   <li>{@link StateConformanceKit}: parameters and optimiser state coming back, moving between
 *       backends and files;
 *   <li>{@link BadInputConformanceKit}: wrong shapes and parameters refused, leaving the module as
 *       it was;
 *   <li>{@link TilingConformanceKit}: the whole network run in exact tiles, built from the
 *       backend's own compiled pieces, equals its whole-image output, and tiles (exact and fast)
 *       streamed into an 8- or 16-bit image hold the samples of the quantised float result;
 *   <li>{@link ModuleContractKit}: the backend-neutral {@code Module} contract (lifecycle, threads,
 *       optimiser-state rule, ablation identity).
 * </ul>
 *
 * A backend module runs the kit by extending each suite in one small class of its tests:
 *
 * <pre>
 * class DjlNumericsConformanceTest extends NumericsConformanceKit {
 *     protected Backend backend() { return new DjlBackend(); }
 * }
 * </pre>
 *
 * <p>Every check runs on each {@link ConformanceCases#all() case} (each layer kind and the whole
 * network, seeded weights with non-zero gammas, several input shapes) and reports each measured
 * error through JUnit's {@link TestReporter} and slf4j, passed or not, so a drift shows before it
 * fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceKit {
    private static final Logger LOG = LoggerFactory.getLogger(BackendConformanceKit.class);
    static final String CASES = "io.srgrn.tck.BackendConformanceKit#cases";
    static final String FIXTURES = "io.srgrn.tck.BackendConformanceKit#fixtures";
    static final String NO_FIXTURES = "(fixtures absent)";
    static final String UNKNOWN_NAME = "no.such.parameter";

    /**
     * Adam as the kit runs it: betas other than the paper's, so a hard-coded constant shows, and an
     * eps near typical gradient sizes, which makes the update a smooth function of the gradient
     * (with eps = 1e-8 the first step is lr * sign(g), which float32 noise flips for gradients near
     * zero) and makes where eps is added (after the square root) matter.
     */
    static final AdamSettings KIT_ADAM = new AdamSettings(0.8, 0.99, 1e-3);

    static final double KIT_LEARNING_RATE = 1e-2;

    /**
     * float32 units in the last place forgiven per parameter: one for the backend's own rounding of
     * an exact result.
     */
    static final double ULPS_VS_REFERENCE = 1;

    /** Two backend results each carry their own rounding. */
    static final double ULPS_VS_BACKEND = 2;

    private Backend backend;
    private BackendContext context;
    private final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());

    /** The backend under test. */
    protected abstract Backend backend();

    /** The device to run on; the CPU unless overridden. */
    protected Device device() {
        return Device.CPU;
    }

    /**
     * The accepted errors; a backend that needs looser ones must say why where it overrides this.
     */
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
        Assumptions.assumeTrue(
                availability.available(),
                () ->
                        "backend '"
                                + backend.name()
                                + "' is unavailable here: "
                                + availability.reason());
        Assumptions.assumeTrue(
                backend.devices().contains(device()),
                () ->
                        "backend '"
                                + backend.name()
                                + "' offers "
                                + backend.devices()
                                + " here, not "
                                + device());
        context = backend.open(device(), BackendOptions.defaults());
        LOG.info(
                "conformance kit: backend '{}' on {} ({})",
                backend.name(),
                device(),
                availability.reason());
    }

    @AfterAll
    final void closeBackend() {
        if (context != null) {
            context.close();
        }
        if (!measurements.isEmpty()) {
            LOG.info(
                    "conformance kit: {} measured errors for backend '{}' on {}{}",
                    measurements.size(),
                    backend.name(),
                    device(),
                    summary());
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
        byCheck.forEach(
                (check, list) ->
                        sb.append("\n  ")
                                .append(
                                        list.stream()
                                                .max(
                                                        java.util.Comparator.comparingDouble(
                                                                Measurement::error))
                                                .orElseThrow())
                                .append(" (of ")
                                .append(list.size())
                                .append(')'));
        sb.append("\nall measurements:");
        byCheck.values().forEach(list -> list.forEach(m -> sb.append("\n  ").append(m)));
        return sb.toString();
    }

    // ---------------------------------------------------------------- helpers for the suites

    /** The backend opened for this class (after {@link #openBackend}). */
    Backend backendUnderTest() {
        Assumptions.assumeTrue(backend != null, "backend not opened");
        return backend;
    }

    /** The context opened for this class, shared by its checks. */
    BackendContext context() {
        Assumptions.assumeTrue(context != null, "backend not opened");
        return context;
    }

    Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
        Assumptions.assumeTrue(context != null, "backend not opened");
        return context.compile(spec, parameters);
    }

    /** Reports one measured error and adds its check to {@code soft}. */
    void record(
            TestReporter reporter,
            String check,
            String subject,
            String quantity,
            double error,
            double tolerance,
            SoftAssertions soft) {
        Measurement m = new Measurement(check, subject, quantity, error, tolerance);
        measurements.add(m);
        reporter.publishEntry(
                check + " | " + quantity,
                String.format(java.util.Locale.ROOT, "%.3e (tolerance %.0e)", error, tolerance));
        LOG.info("[{}] {}", backend.name(), m);
        soft.assertThat(error)
                .as("%s, %s: %s error (normwise relative)", check, subject, quantity)
                .isLessThanOrEqualTo(tolerance);
    }

    SoftAssertions check(
            TestReporter reporter,
            String check,
            String subject,
            String quantity,
            double error,
            double tolerance) {
        SoftAssertions soft = new SoftAssertions();
        record(reporter, check, subject, quantity, error, tolerance, soft);
        return soft;
    }

    /**
     * Each parameter's change {@code after - before} against the expected change, forgiving {@code
     * ulps} float32 units in the last place per element (see {@link UpdateError}).
     */
    void compareUpdates(
            TestReporter reporter,
            String check,
            String subject,
            Map<String, Tensor> before,
            Map<String, Tensor> after,
            Map<String, DoubleTensor> expectedAfter,
            double ulps,
            SoftAssertions soft) {
        for (Map.Entry<String, Tensor> e : before.entrySet()) {
            String name = e.getKey();
            record(
                    reporter,
                    check,
                    subject,
                    name + " update",
                    UpdateError.of(e.getValue(), after.get(name), expectedAfter.get(name), ulps),
                    tolerances().adamUpdate(),
                    soft);
        }
    }

    static void requireBitEqual(
            SoftAssertions soft,
            String what,
            Map<String, Tensor> expected,
            Map<String, Tensor> actual) {
        soft.assertThat(List.copyOf(actual.keySet()))
                .as("%s: names", what)
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (name, t) -> {
                    Tensor a = actual.get(name);
                    soft.assertThat(a != null && a.bitEquals(t))
                            .as("%s: '%s' bit for bit", what, name)
                            .isTrue();
                });
    }

    /**
     * Saves in SPEC's weights format (a whole network with its config) or plain safetensors, and
     * reads back.
     */
    static Map<String, Tensor> saveAndLoad(
            LayerSpec spec, Path file, Map<String, Tensor> parameters) {
        if (spec instanceof SrgrnSpec s) {
            WeightsFile.save(file, s.config(), parameters, Map.of());
            SrgrnWeights w = WeightsFile.load(file);
            assertThat(w.config()).as("config read back from %s", file).isEqualTo(s.config());
            return w.parameters();
        }
        Safetensors.write(file, parameters, Map.of());
        return Safetensors.read(file).tensors();
    }

    static List<String> names(LayerSpec spec) {
        return spec.parameters().stream().map(ParamSpec::name).toList();
    }

    /** The shape with its first dimension one larger. */
    static int[] grown(int[] shape) {
        int[] s = shape.clone();
        s[0]++;
        return s;
    }
}
