package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    @Test
    void listsTheBackendsAndThePaperModelSizes() {
        Cli.Result r = Cli.run("info");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("## Backends").contains("## Models");
        // The DJL backend is on this module's runtime class path and runs on the CPU here.
        assertThat(r.out()).containsPattern("\\| djl +\\| +\\d+ \\| yes +\\| cpu");
        // SPEC section 1: SRGRN x4 / x2 / x3 parameter counts.
        assertThat(r.out()).contains("5,885,222").contains("5,696,237").contains("5,883,757");
    }

    @Test
    void oneConfigShowsOneModelRow() {
        Cli.Result r = Cli.run("info", "--config", "paper", "--scale", "4");
        assertThat(r.code()).isZero();
        String models = r.out().substring(r.out().indexOf("## Models"));
        assertThat(models.lines().filter(l -> l.startsWith("| paper"))).hasSize(1);
        assertThat(models).contains("5,885,222").doesNotContain("compact");
    }

    @Test
    void showsTheConfigOfAWeightsFile(@TempDir Path dir) {
        Path w = Cli.compactWeights(dir.resolve("c2.safetensors"), 2);
        Cli.Result r = Cli.run("info", "--weights", w.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("| c2.safetensors | ").contains("x2");
    }

    @Test
    void missingWeightsFileIsAUsageError(@TempDir Path dir) {
        Cli.Result r = Cli.run("info", "--weights", dir.resolve("nope.safetensors").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nope.safetensors").contains("does not exist");
    }

    @Test
    void unknownPresetIsAUsageError() {
        Cli.Result r = Cli.run("info", "--config", "huge");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown preset 'huge'").contains("paper, compact");
    }
}
