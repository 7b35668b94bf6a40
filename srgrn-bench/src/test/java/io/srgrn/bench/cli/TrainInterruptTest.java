package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.train.Checkpoint;
import io.srgrn.train.TrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what {@code kill}, systemd and {@code scripts/train-models.sh stop} send; Ctrl-C is
 * handled the same way) in the middle of {@code srgrn train}, in a real process: the run stops
 * after its current step, checkpoints there, and the JVM exits without crashing. Before this, the
 * JVM exited while a libtorch step still ran and died in oneDNN (SIGSEGV, an hs_err file).
 */
class TrainInterruptTest {
    @TempDir Path dir;

    @Test
    void sigtermStopsAfterTheCurrentStepWithACheckpointAndNoCrash() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < 3; i++) {
            Cli.image(data.resolve("img" + i + ".png"), 3, 48, 48, false, i);
        }
        Path run = dir.resolve("run");
        Path log = dir.resolve("train.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(SrgrnCommand.class.getName());
        // Patches large enough that a step spends its time in libtorch; no interval checkpoint
        // before the stop, so the one found afterwards is the stop's own.
        cmd.addAll(
                Cli.trainArgs(
                        data,
                        run,
                        "--iterations",
                        "100000",
                        "--patch",
                        "24",
                        "--batch",
                        "4",
                        "--checkpoint-every",
                        "100000"));
        Process p =
                new ProcessBuilder(cmd)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        try {
            awaitLoggedSteps(run.resolve(TrainingRun.LOSS_LOG), 3, p, log);
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(300, TimeUnit.SECONDS))
                    .as("exit after SIGTERM; output:%n%s", read(log))
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }
        String output = read(log);
        // 128 + SIGTERM: the JVM ran its shutdown and exited as the signal asked, not by a crash
        assertThat(p.exitValue()).as(output).isEqualTo(143);
        assertThat(output).doesNotContain("SIGSEGV", "A fatal error");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("hs_err"));
        }
        long stoppedAt = Checkpoint.read(run.resolve(TrainingRun.CHECKPOINT)).iteration();
        List<String> loss = Files.readAllLines(run.resolve(TrainingRun.LOSS_LOG));
        assertThat(stoppedAt).isGreaterThanOrEqualTo(3);
        // the logs end at the checkpoint: nothing trained is lost, nothing logged is ahead of it
        assertThat(loss.get(loss.size() - 1)).startsWith(stoppedAt + ",");
        assertThat(output)
                .contains("stopping after the current step")
                .contains(
                        "interrupted; the last checkpoint (iteration "
                                + stoppedAt
                                + ") is in "
                                + run);
        assertThat(run.resolve(TrainingRun.MODEL)).exists();
    }

    private static void awaitLoggedSteps(Path lossLog, int steps, Process p, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("train ended before the signal:\n" + read(log));
            }
            // header plus the steps
            if (Files.exists(lossLog) && Files.readAllLines(lossLog).size() > steps) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + steps + " steps logged in 300 s:\n" + read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
