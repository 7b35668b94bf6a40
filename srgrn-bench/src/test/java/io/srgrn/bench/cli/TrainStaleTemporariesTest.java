package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a kill in the middle of an atomic write left tens of MB of {@code .NAME.*.tmp} files in
 * the run folder that were removed only when the same file was next written (never, for
 * best.safetensors without validation). A run clears them when it starts.
 */
class TrainStaleTemporariesTest {
    @TempDir Path dir;

    @Test
    void aRunStartsByRemovingTheTemporariesAKilledRunLeft() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Cli.image(data.resolve("a.png"), 3, 32, 32, false, 1);
        Path run = Files.createDirectories(dir.resolve("run"));
        Path staleBest = Files.write(run.resolve(".best.safetensors.k3x9.tmp"), new byte[1000]);
        Path staleCheckpoint =
                Files.write(run.resolve(".checkpoint.safetensors1234567.tmp"), new byte[1000]);
        Path unrelated = Files.write(run.resolve("notes.txt"), new byte[] {1});
        Cli.Result r =
                Cli.run(Cli.trainArgs(data, run, "--checkpoint-every", "1").toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(staleBest).doesNotExist();
        assertThat(staleCheckpoint).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(run.resolve(TrainCommand.MODEL)).exists();
    }
}
