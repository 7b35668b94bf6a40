package io.srgrn.api.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FixtureSmokeTest {
    @Test
    void readsGoldenFixtureWrittenByPyTorch() {
        String dir = System.getProperty("srgrn.fixtures", "");
        Path file = Path.of(dir, "srgrn-x2-sum.safetensors");
        Assumptions.assumeTrue(Files.isRegularFile(file), "SPEC fixtures not found at " + file);
        SafetensorsFile f = Safetensors.read(file);
        SrgrnConfig config = ConfigJson.parse(f.metadata().get("config"));
        assertThat(config.nodeAggregation()).isEqualTo(NodeAggregation.SUM);
        assertThat(config.g0()).isEqualTo(16);
        assertThat(f.tensor("input").shape()).containsExactly(1, 3, 10, 9);
        assertThat(f.tensor("output").shape()).containsExactly(1, 3, 20, 18);
        assertThat(f.tensors()).containsKeys("grad.input", "adam1.sfe1.weight", "upstream");
    }
}
