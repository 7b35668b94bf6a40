package io.srgrn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run files of runs made before the training run moved into this module (copies of a live run's
 * {@code run.json} and {@code sessions.csv}) read and write byte for byte as before, so those runs
 * resume with this code.
 */
class RunFilesCompatibilityTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = RunFilesCompatibilityTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVersion2RunJsonReadsAndWritesBackByteForByte() throws IOException {
        String text = resource("run-v2.json");
        RunSettings s = RunSettings.parse(text, "run-v2.json");
        assertThat(s.preset()).isEqualTo("compact");
        assertThat(s.scale()).isEqualTo(3);
        assertThat(s.holdout()).isEqualTo(10);
        assertThat(s.threads()).isEqualTo(1);
        assertThat(s.initFrom()).endsWith("best.safetensors");
        assertThat(s.dataFolders()).hasSize(2);
        assertThat(s.config().scale()).isEqualTo(3);
        assertThat(s.degradationModel().key()).isEqualTo("BI_x3");
        assertThat(s.json()).isEqualTo(text);
    }

    @Test
    void aVersion1RunJsonReadsAsNoHoldOutAndUnrecordedThreads() {
        String v1 =
                "{\"version\": 1, \"preset\": \"compact\", \"scale\": 2, \"degradation\": \"BI\", \"noiseSeed\": 0,"
                        + " \"data\": \"/d/T91\", \"patch\": 48, \"batch\": 16, \"learningRate\": 1.0E-4, \"halveEvery\": 200000,"
                        + " \"seed\": 0, \"augment\": true, \"iterations\": 1000, \"checkpointEvery\": 100, \"valEvery\": 100,"
                        + " \"valData\": null}";
        RunSettings s = RunSettings.parse(v1, "v1");
        assertThat(s.holdout()).isZero();
        assertThat(s.threads()).isZero();
        assertThat(s.initFrom()).isNull();
    }

    @Test
    void sessionLinesAreWrittenAsBefore() throws IOException {
        List<String> lines = resource("sessions.csv").lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "started,from_iteration,target_iterations,threads,backend,commit,machine");
        assertThat(
                        MetricLog.csvLine(
                                List.of(
                                        "2026-11-29T03:21:39.901107959Z",
                                        0L,
                                        40000L,
                                        1,
                                        "djl",
                                        "2ab8f6b6d4a9a535a31f2f6b7498f7f3bc44051a",
                                        "AMD EPYC, 2 cores, Linux 6.18.44-fc-v782, Java 17.0.15")))
                .isEqualTo(lines.get(1));
        assertThat(MetricLog.csvLine(List.of("a\"b", "c"))).isEqualTo("\"a\"\"b\",c");
    }
}
