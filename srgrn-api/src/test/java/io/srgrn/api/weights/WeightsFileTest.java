package io.srgrn.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsFileTest {
    private static final SrgrnConfig TINY =
            new SrgrnConfig(3, 3, 3, 8, 2, 2, 4, 4, 2, 0.1, NodeAggregation.SUM, true, true);

    @TempDir Path dir;

    @Test
    void saveLoadRoundTripIsBitExact() {
        Map<String, Tensor> params = Initializer.initialize(new SrgrnSpec(TINY), 3);
        params.get("grrb.gamma").data()[0] = 0.5f;
        Path file = dir.resolve("m.safetensors");
        WeightsFile.save(file, TINY, params, Map.of("trainedOn", "T91"));
        SrgrnWeights back = WeightsFile.load(file);
        assertThat(back.config()).isEqualTo(TINY);
        assertThat(back.metadata()).containsExactly(Map.entry("trainedOn", "T91"));
        assertThat(back.parameters().keySet()).containsExactlyElementsOf(params.keySet());
        params.forEach((k, v) -> assertThat(back.parameters().get(k).bitEquals(v)).as(k).isTrue());
        SafetensorsFile raw = Safetensors.read(file);
        assertThat(raw.metadata()).containsEntry("format", "srgrn").containsEntry("spec", "1");
        assertThat(ConfigJson.parse(raw.metadata().get("config"))).isEqualTo(TINY);
    }

    @ParameterizedTest(name = "scale {0}, grum {1}, grrb {2}, in {3}")
    @CsvSource({"2, true, true, 3", "3, true, false, 3", "4, false, true, 1", "4, false, false, 3"})
    void configIsInferredFromTensorsWithoutMetadata(
            int scale, boolean grum, boolean grrb, int channels) {
        SrgrnConfig config =
                new SrgrnConfig(
                        scale,
                        channels,
                        channels,
                        16,
                        3,
                        2,
                        8,
                        6,
                        4,
                        0.2,
                        NodeAggregation.MEAN,
                        grum,
                        grrb);
        Path file = dir.resolve("pt.safetensors");
        Safetensors.write(file, Initializer.initialize(new SrgrnSpec(config), 1), Map.of());
        SrgrnConfig inferred = WeightsFile.load(file).config();
        assertThat(new SrgrnSpec(inferred).parameters())
                .isEqualTo(new SrgrnSpec(config).parameters());
        assertThat(inferred.nodeAggregation()).isEqualTo(NodeAggregation.MEAN);
        assertThat(inferred.slope()).isEqualTo(0.2);
    }

    @Test
    void badTensorsFailNamingFileAndTensor() {
        Map<String, Tensor> good = Initializer.initialize(new SrgrnSpec(TINY), 1);

        Map<String, Tensor> wrongShape = new LinkedHashMap<>(good);
        wrongShape.put("gff.1.weight", Tensor.zeros(8, 8, 1, 1));
        assertFails(wrongShape, "tensor 'gff.1.weight' has shape [8, 8, 1, 1]", "[8, 8, 3, 3]");

        Map<String, Tensor> missing = new LinkedHashMap<>(good);
        missing.remove("upsample.0.fuse.bias");
        assertFails(missing, "missing tensor(s)", "upsample.0.fuse.bias");

        Map<String, Tensor> unknown = new LinkedHashMap<>(good);
        unknown.put("upsample.0.extra", Tensor.zeros(1));
        assertFails(unknown, "unknown tensor(s)", "upsample.0.extra");

        Map<String, Tensor> nan = new LinkedHashMap<>(good);
        Tensor bad = good.get("rdbs.1.lff.bias").copy();
        bad.data()[2] = Float.NaN;
        nan.put("rdbs.1.lff.bias", bad);
        assertFails(nan, "tensor 'rdbs.1.lff.bias' holds NaN", "flat index 2");
    }

    @Test
    void badConfigMetadataIsNamed() {
        Path file = dir.resolve("cfg.safetensors");
        Safetensors.write(
                file,
                Initializer.initialize(new SrgrnSpec(TINY), 1),
                Map.of("format", "srgrn", "spec", "1", "config", "{\"scale\": 3}"));
        assertThatThrownBy(() -> WeightsFile.load(file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("missing [C, D, G, G0");
    }

    private void assertFails(Map<String, Tensor> tensors, String... fragments) {
        Path file = dir.resolve("bad.safetensors");
        Safetensors.write(
                file,
                tensors,
                Map.of("format", "srgrn", "spec", "1", "config", ConfigJson.write(TINY)));
        var assertion =
                assertThatThrownBy(() -> WeightsFile.load(file))
                        .isInstanceOf(WeightsFormatException.class)
                        .hasMessageContaining(file.toString());
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
