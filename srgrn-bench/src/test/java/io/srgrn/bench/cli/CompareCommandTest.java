package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.json.Json;
import io.srgrn.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void runsEachBackendInItsOwnJvmAndListsTheUnavailable(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("compare.json");
        Cli.Result r =
                Cli.run(
                        "compare",
                        "--backends",
                        "djl,nosuch",
                        "--config",
                        "compact",
                        "--scale",
                        "2",
                        "--size",
                        "8",
                        "--batch",
                        "2",
                        "--warmup",
                        "0",
                        "--repeats",
                        "2",
                        "--json",
                        json.toString(),
                        "--timeout",
                        "300");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("running backend 'djl' in its own JVM");
        assertThat(r.out())
                .containsPattern(
                        "\\| djl +\\| cpu +\\| +\\d+\\.\\d \\| +\\d+\\.\\d \\| +0\\.\\d{7} \\| +\\(reference\\) \\|");
        assertThat(r.out())
                .contains("Not compared")
                .containsPattern("\\| nosuch +\\| unavailable \\| not on the class path");

        Map<String, Object> root = Json.parseObject(Files.readString(json));
        List<Object> backends = (List<Object>) root.get("backends");
        Map<String, Object> djl = (Map<String, Object>) backends.get(0);
        assertThat(djl.get("status")).isEqualTo("ok");
        assertThat(((Number) djl.get("forwardMsMedian")).doubleValue()).isPositive();
        assertThat(((Number) djl.get("maxAbsDifference")).doubleValue()).isZero();
        assertThat(((Map<String, Object>) backends.get(1)).get("reason").toString())
                .contains("not on the class path");
    }

    @Test
    void noUsableBackendIsAFailure() {
        Cli.Result r = Cli.run("compare", "--backends", "nosuch", "--size", "4", "--repeats", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("nosuch");
    }

    @Test
    void badSizesAreUsageErrors() {
        Cli.Result r = Cli.run("compare", "--size", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--size");
    }

    @Test
    void largestDifferenceIsTheMaximumOverElements() {
        Tensor a = Tensor.of(new float[] {0f, 1f, 2f, 3f}, 1, 1, 2, 2);
        Tensor b = Tensor.of(new float[] {0f, 1.5f, 1f, 3.25f}, 1, 1, 2, 2);
        assertThat(CompareCommand.maxAbsDifference(a, b)).isEqualTo(1.0);
        assertThat(CompareCommand.maxAbsDifference(a, Tensor.zeros(1, 1, 1, 4))).isNaN();
        Tensor nan = Tensor.of(new float[] {0f, Float.NaN, 2f, 3f}, 1, 1, 2, 2);
        assertThat(CompareCommand.maxAbsDifference(a, nan)).isNaN();
    }
}
