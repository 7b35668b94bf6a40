package io.srgrn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.ConformanceCases;
import io.srgrn.tck.GoldenFixture;
import io.srgrn.tck.RelativeError;
import io.srgrn.tck.SeededTensors;
import io.srgrn.tck.Tolerances;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported graphs, run in ONNX Runtime, reproduce the conformance kit's double-precision reference
 * within the float32 output tolerance, on the golden PyTorch fixtures and on random small configs
 * of every kind (x2/x3/x4, MEAN/SUM, grey, each ablation), each at two image sizes through one
 * graph.
 */
class OnnxExportTest {
    private static final double TOLERANCE = Tolerances.float32().output();

    static Stream<String> fixtures() {
        List<String> names = GoldenFixture.names();
        return names.isEmpty() ? Stream.of("(none)") : names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void goldenFixturesMatchPyTorchAndTheReference(String name) throws Exception {
        assumeTrue(GoldenFixture.directory() != null, GoldenFixture::absentReason);
        GoldenFixture f = GoldenFixture.load(name);
        byte[] model = OnnxExport.toBytes(f.spec().config(), f.parameters());
        try (OrtRunner ort = new OrtRunner(model)) {
            Tensor out = ort.run(f.input());
            RelativeError.assertClose(name + " vs PyTorch", out, f.output(), TOLERANCE);
            RelativeError.assertClose(
                    name + " vs reference",
                    out,
                    reference(f.spec(), f.parameters(), f.input()),
                    TOLERANCE);
        }
    }

    static Stream<Arguments> randomConfigs() {
        NodeAggregation mean = NodeAggregation.MEAN;
        NodeAggregation sum = NodeAggregation.SUM;
        return Stream.of(
                Arguments.of(ConformanceCases.tinyConfig(2, 3, mean, true, true), 41L),
                Arguments.of(ConformanceCases.tinyConfig(3, 1, sum, true, true), 42L),
                Arguments.of(ConformanceCases.tinyConfig(4, 3, mean, true, true), 43L),
                Arguments.of(ConformanceCases.tinyConfig(4, 3, sum, false, true), 44L),
                Arguments.of(ConformanceCases.tinyConfig(2, 3, mean, true, false), 45L),
                Arguments.of(ConformanceCases.tinyConfig(3, 3, mean, false, false), 46L),
                Arguments.of(
                        new SrgrnConfig(2, 3, 3, 16, 3, 2, 8, 5, 4, 0.1, mean, true, true), 47L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomConfigs")
    void randomConfigsMatchTheReferenceAtAnyImageSize(SrgrnConfig config, long seed)
            throws Exception {
        SrgrnSpec spec = new SrgrnSpec(config);
        Map<String, Tensor> params = SeededTensors.parameters(spec, seed);
        try (OrtRunner ort = new OrtRunner(OnnxExport.toBytes(config, params))) {
            for (int[] shape :
                    List.of(
                            new int[] {1, config.inChannels(), 5, 7},
                            new int[] {2, config.inChannels(), 9, 4})) {
                Tensor input = Tensor.uniform(new SplittableRandom(seed + shape[2]), 0, 1, shape);
                Tensor out = ort.run(input);
                assertThat(out.shape()).containsExactly(spec.outputShape(shape));
                RelativeError.assertClose(
                        spec.describe() + " at " + shape[2] + "x" + shape[3],
                        out,
                        reference(spec, params, input),
                        TOLERANCE);
            }
        }
    }

    @Test
    void aWrongGammaIsSeen() throws Exception {
        // The check above must be able to fail: the reasoning branches reach the output.
        SrgrnConfig config = ConformanceCases.tinyConfig(2, 3, NodeAggregation.MEAN, true, true);
        SrgrnSpec spec = new SrgrnSpec(config);
        Map<String, Tensor> params = SeededTensors.parameters(spec, 5);
        Map<String, Tensor> changed = new LinkedHashMap<>(params);
        changed.put(
                "grrb.gamma",
                Tensor.of(new float[] {params.get("grrb.gamma").data()[0] + 0.1f}, 1));
        Tensor input = Tensor.uniform(new SplittableRandom(6), 0, 1, new int[] {1, 3, 6, 6});
        try (OrtRunner ort = new OrtRunner(OnnxExport.toBytes(config, changed))) {
            assertThat(RelativeError.of(ort.run(input), reference(spec, params, input)))
                    .isGreaterThan(100 * TOLERANCE);
        }
    }

    @Test
    void writesAtomicallyAndRefusesWeightsThatDoNotFit(@TempDir Path dir) {
        SrgrnConfig config = ConformanceCases.tinyConfig(2, 3, NodeAggregation.MEAN, true, true);
        Map<String, Tensor> params =
                new LinkedHashMap<>(SeededTensors.parameters(new SrgrnSpec(config), 1));
        Path file = dir.resolve("m.onnx");
        OnnxExport.write(config, params, file);
        assertThat(file).isNotEmptyFile();

        params.remove("upsample.0.fuse.bias");
        Path bad = dir.resolve("bad.onnx");
        assertThatThrownBy(() -> OnnxExport.write(config, params, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upsample.0.fuse.bias is missing");
        params.put("upsample.0.fuse.bias", Tensor.zeros(3));
        assertThatThrownBy(() -> OnnxExport.toBytes(config, params))
                .hasMessageContaining("has shape [3]");
        params.put("upsample.0.fuse.bias", Tensor.zeros(8));
        params.put("extra", Tensor.zeros(1));
        assertThatThrownBy(() -> OnnxExport.toBytes(config, params))
                .hasMessageContaining("[extra] are not part");
        assertThat(Files.exists(bad)).isFalse();
    }

    private static Tensor reference(SrgrnSpec spec, Map<String, Tensor> params, Tensor input) {
        return new ReferenceModel(spec)
                .forward(ReferenceModel.widen(params), DoubleTensor.from(input))
                .toTensor();
    }
}
