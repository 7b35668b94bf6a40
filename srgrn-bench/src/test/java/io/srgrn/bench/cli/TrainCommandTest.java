package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.train.Checkpoint;
import io.srgrn.api.train.TrainingListener;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code srgrn train} end to end on the compact preset with tiny patches. The central check: a run
 * that crashes after a checkpoint and is resumed ends with exactly the weights and logs of a run
 * that never stopped.
 */
class TrainCommandTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path validation;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeData() throws IOException {
        data = Files.createDirectories(shared.resolve("train"));
        for (int i = 0; i < 3; i++) {
            Cli.image(data.resolve("img" + i + ".png"), 3, 24, 20 + 2 * i, false, 100 + i);
        }
        validation = Files.createDirectories(shared.resolve("val"));
        // Big enough for SSIM's 11x11 window after the 2-pixel border shave.
        Cli.image(validation.resolve("v0.png"), 3, 16, 16, false, 200);
        Cli.image(validation.resolve("v1.png"), 1, 16, 18, false, 201);
    }

    private static List<String> args(Path run, String... extra) {
        return args(run, 6, extra);
    }

    private static List<String> args(Path run, int iterations, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "--data", data.toString(), "--scale", "2", "--preset", "compact",
                "--iterations", Integer.toString(iterations), "--patch", "6", "--batch", "2", "--checkpoint-every", "2", "--val-every", "3",
                "--val-data", validation.toString(), "--threads", "0", "-o", run.toString()));
        a.addAll(List.of(extra));
        return a;
    }

    /** Runs train with a listener added after the command's own (to simulate a crash). */
    private static Cli.Result train(TrainingListener hook, List<String> args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = CommandLine.defaultFactory().create(cls);
                if (made instanceof TrainCommand t) {
                    t.extraListener = hook;
                }
                return made;
            }
        };
        return Cli.run(factory, args.toArray(String[]::new));
    }

    @Test
    void interruptedAndResumedRunEqualsAnUninterruptedOne() throws IOException {
        Path straight = dir.resolve("straight");
        Cli.Result a = train(null, args(straight));
        assertThat(a.code()).as(a.toString()).isZero();

        Path broken = dir.resolve("broken");
        TrainingListener crashAt5 = new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.iteration() == 5) {
                    throw new IllegalStateException("simulated crash at iteration 5");
                }
            }
        };
        Cli.Result b1 = train(crashAt5, args(broken));
        assertThat(b1.code()).as(b1.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(b1.err()).contains("simulated crash at iteration 5");
        assertThat(Checkpoint.read(broken.resolve(TrainCommand.CHECKPOINT)).iteration()).isEqualTo(4);
        assertThat(broken.resolve(TrainCommand.MODEL)).doesNotExist();

        // Only --resume and the run folder: everything else (intervals and validation set too) comes from run.json.
        Cli.Result b2 = train(null, List.of("train", "--resume", "-o", broken.toString(), "--threads", "0"));
        assertThat(b2.code()).as(b2.toString()).isZero();
        assertThat(b2.err()).contains("resuming at iteration 4 of 6");

        SrgrnWeights w1 = WeightsFile.load(straight.resolve(TrainCommand.MODEL));
        SrgrnWeights w2 = WeightsFile.load(broken.resolve(TrainCommand.MODEL));
        assertThat(w2.config()).isEqualTo(w1.config());
        for (Map.Entry<String, Tensor> e : w1.parameters().entrySet()) {
            assertThat(w2.parameters().get(e.getKey()).bitEquals(e.getValue())).as(e.getKey()).isTrue();
        }
        assertThat(Files.readString(broken.resolve(TrainCommand.LOSS_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainCommand.LOSS_LOG)));
        assertThat(Files.readString(broken.resolve(TrainCommand.VALIDATION_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainCommand.VALIDATION_LOG)));
        // And training changed the weights at all (a resume that did nothing would also "match" a broken run).
        assertThat(w1.metadata()).containsEntry("trainedIterations", "6");
    }

    @Test
    void writesLogsPlotsAndASummary() throws IOException {
        Path run = dir.resolve("run");
        Cli.Result r = train(null, args(run));
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> loss = Files.readAllLines(run.resolve(TrainCommand.LOSS_LOG));
        assertThat(loss).hasSize(7);
        assertThat(loss.get(0)).isEqualTo("iteration,loss,learning_rate");
        assertThat(loss.get(6)).startsWith("6,").endsWith(",1.0E-4");
        List<String> val = Files.readAllLines(run.resolve(TrainCommand.VALIDATION_LOG));
        assertThat(val).hasSize(3);
        assertThat(val.get(1)).startsWith("3,");
        assertThat(val.get(2)).startsWith("6,");
        for (String png : List.of("loss.png", "validation.png")) {
            BufferedImage img = ImageIO.read(run.resolve(png).toFile());
            assertThat(img).as(png).isNotNull();
            assertThat(img.getWidth()).isEqualTo(900);
        }
        assertThat(r.out()).contains("| " + run + " ").contains("compact x2").contains("6 / 6");
        assertThat(r.err()).contains("validating on val (2 images)");
    }

    @Test
    void validationIsSkippedWithAMessageWithoutData() {
        String before = System.getProperty("srgrn.data");
        System.setProperty("srgrn.data", dir.resolve("no-such-data").toString());
        try {
            Path run = dir.resolve("run");
            Cli.Result r = train(null, List.of("train", "--data", data.toString(), "--scale", "2", "--preset", "compact",
                    "--iterations", "1", "--patch", "6", "--batch", "1", "--threads", "1", "-o", run.toString()));
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("validation skipped: no Set5 found");
            assertThat(run.resolve("validation.png")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty("srgrn.data");
            } else {
                System.setProperty("srgrn.data", before);
            }
        }
    }

    @Test
    void existingRunNeedsResume() {
        Path run = dir.resolve("run");
        assertThat(train(null, args(run, 1)).code()).isZero();
        Cli.Result again = train(null, args(run, 1));
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already holds a training run").contains("--resume");
    }

    @Test
    void aRunThatFailsOnItsDataLeavesNothingThatBlocksACorrectedRetry() {
        Path run = dir.resolve("run");
        List<String> tooBig = args(run, 1);
        tooBig.set(tooBig.indexOf("--patch") + 1, "16"); // the LR images are 12x10 to 12x12
        Cli.Result failed = train(null, tooBig);
        assertThat(failed.code()).isNotZero();
        assertThat(failed.err()).contains("smaller than the 16x16 patch");
        assertThat(run.resolve(TrainCommand.RUN_FILE)).doesNotExist();
        Cli.Result retry = train(null, args(run, 1));
        assertThat(retry.code()).as(retry.toString()).isZero();
        assertThat(run.resolve(TrainCommand.RUN_FILE)).isNotEmptyFile();
    }

    @Test
    void resumeRefusesDifferentSettings() {
        Path run = dir.resolve("run");
        assertThat(train(null, args(run, 2)).code()).isZero();
        Cli.Result r = train(null, List.of("train", "--resume", "-o", run.toString(), "--scale", "3", "--batch", "4"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scale 3 (the run has 2)").contains("--batch 4 (the run has 2)");
    }

    @Test
    void resumeOfNothingIsAUsageError() {
        Cli.Result r = train(null, List.of("train", "--resume", "-o", dir.resolve("empty").toString()));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nothing to resume");
    }

    @Test
    void missingDataIsAUsageError() {
        Cli.Result noData = train(null, List.of("train", "--scale", "2", "-o", dir.resolve("r1").toString()));
        assertThat(noData.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noData.err()).contains("--data and --scale are required");
        Cli.Result gone = train(null, List.of("train", "--data", dir.resolve("gone").toString(), "--scale", "2",
                "-o", dir.resolve("r2").toString()));
        assertThat(gone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(gone.err()).contains("gone").contains("does not exist");
        assertThat(dir.resolve("r2")).doesNotExist();
    }

    @Test
    void blurDegradationOnlyAtScaleThree() {
        Cli.Result r = train(null, args(dir.resolve("run"), "--degradation", "BD"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("BD is defined for x3 only");
    }
}
