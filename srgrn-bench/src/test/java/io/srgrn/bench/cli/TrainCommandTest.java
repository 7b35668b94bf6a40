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
    @TempDir static Path shared;
    static Path data;
    static Path validation;

    @TempDir Path dir;

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
        List<String> a =
                Cli.trainArgs(
                        data,
                        run,
                        "--iterations",
                        Integer.toString(iterations),
                        "--patch",
                        "6",
                        "--batch",
                        "2",
                        "--checkpoint-every",
                        "2",
                        "--val-every",
                        "3",
                        "--val-data",
                        validation.toString(),
                        "--threads",
                        "0");
        a.addAll(List.of(extra));
        return a;
    }

    /** Runs train with a listener added after the command's own (to simulate a crash). */
    private static Cli.Result train(TrainingListener hook, List<String> args) {
        CommandLine.IFactory factory =
                new CommandLine.IFactory() {
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
        TrainingListener crashAt5 =
                new TrainingListener() {
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
        assertThat(Checkpoint.read(broken.resolve(TrainCommand.CHECKPOINT)).iteration())
                .isEqualTo(4);
        assertThat(broken.resolve(TrainCommand.MODEL)).doesNotExist();

        // Only --resume and the run folder: everything else (intervals, validation set and the
        // thread count,
        // which changes libtorch's reductions) comes from run.json.
        assertThat(Files.readString(broken.resolve(TrainCommand.RUN_FILE)))
                .contains("\"threads\": " + Runtime.getRuntime().availableProcessors());
        Cli.Result b2 = train(null, List.of("train", "--resume", "-o", broken.toString()));
        assertThat(b2.code()).as(b2.toString()).isZero();
        assertThat(b2.err()).contains("resuming at iteration 4 of 6");

        SrgrnWeights w1 = WeightsFile.load(straight.resolve(TrainCommand.MODEL));
        SrgrnWeights w2 = WeightsFile.load(broken.resolve(TrainCommand.MODEL));
        assertThat(w2.config()).isEqualTo(w1.config());
        for (Map.Entry<String, Tensor> e : w1.parameters().entrySet()) {
            assertThat(w2.parameters().get(e.getKey()).bitEquals(e.getValue()))
                    .as(e.getKey())
                    .isTrue();
        }
        // The loss log matches but for its last column, the wall-clock seconds.
        assertThat(withoutLastColumn(broken.resolve(TrainCommand.LOSS_LOG)))
                .isEqualTo(withoutLastColumn(straight.resolve(TrainCommand.LOSS_LOG)));
        assertThat(Files.readString(broken.resolve(TrainCommand.GAMMA_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainCommand.GAMMA_LOG)));
        assertThat(Files.readString(broken.resolve(TrainCommand.VALIDATION_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainCommand.VALIDATION_LOG)));
        // And training changed the weights at all (a resume that did nothing would also "match" a
        // broken run).
        assertThat(w1.metadata()).containsEntry("trainedIterations", "6");
    }

    @Test
    void writesLogsPlotsAndASummary() throws IOException {
        Path run = dir.resolve("run");
        Cli.Result r = train(null, args(run));
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> loss = Files.readAllLines(run.resolve(TrainCommand.LOSS_LOG));
        assertThat(loss).hasSize(7);
        assertThat(loss.get(0)).isEqualTo("iteration,loss,learning_rate,seconds");
        assertThat(loss.get(6)).startsWith("6,").contains(",1.0E-4,");
        double seconds =
                Double.parseDouble(loss.get(6).substring(loss.get(6).lastIndexOf(',') + 1));
        assertThat(seconds).isPositive().isLessThan(3600);
        List<String> gammas = Files.readAllLines(run.resolve(TrainCommand.GAMMA_LOG));
        assertThat(gammas).hasSize(3);
        assertThat(gammas.get(0)).isEqualTo("iteration,upsample.0.gamma,grrb.gamma");
        assertThat(gammas.get(2)).startsWith("6,");
        // After 6 Adam steps from 0 a gamma has moved (by about lr per step).
        assertThat(Math.abs(Float.parseFloat(gammas.get(2).split(",")[1])))
                .isGreaterThan(0f)
                .isLessThan(1e-2f);
        SrgrnWeights best = WeightsFile.load(run.resolve(TrainCommand.BEST));
        assertThat(best.metadata())
                .containsKeys(
                        "validationPsnr", "trainingSeconds", "machine", "gitCommit", "training")
                .containsEntry("validationSet", "val (2 images)")
                .containsEntry("degradation", "BI_x2");
        double bestPsnr = Double.parseDouble(best.metadata().get("validationPsnr"));
        assertThat(
                        Files.readAllLines(run.resolve(TrainCommand.VALIDATION_LOG)).stream()
                                .skip(1)
                                .mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                                .max()
                                .orElseThrow())
                .isCloseTo(bestPsnr, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Files.readAllLines(run.resolve(TrainCommand.SESSIONS))).hasSize(2);
        assertThat(ImageIO.read(run.resolve("gammas.png").toFile())).isNotNull();
        // --plot redraws the pictures of a run at any time, and touches nothing else.
        Files.delete(run.resolve("loss.png"));
        Cli.Result plot = train(null, List.of("train", "--plot", "-o", run.toString()));
        assertThat(plot.code()).as(plot.toString()).isZero();
        assertThat(plot.out()).contains("loss.png, validation.png, gammas.png");
        assertThat(ImageIO.read(run.resolve("loss.png").toFile()).getWidth()).isEqualTo(900);
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

    private static List<String> withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .map(l -> l.substring(0, l.lastIndexOf(',')))
                .toList();
    }

    @Test
    void severalFoldersTrainAndAHoldOutOfThemValidates() throws IOException {
        Path more = Files.createDirectories(dir.resolve("more"));
        for (int i = 0; i < 2; i++) {
            Cli.image(more.resolve("m" + i + ".png"), 3, 32, 32, false, 300 + i);
        }
        Path run = dir.resolve("run");
        Cli.Result r =
                train(
                        null,
                        List.of(
                                "train",
                                "--data",
                                data + "," + more,
                                "--holdout",
                                "2",
                                "--scale",
                                "2",
                                "--preset",
                                "compact",
                                "--iterations",
                                "2",
                                "--patch",
                                "6",
                                "--batch",
                                "2",
                                "--val-every",
                                "2",
                                "--threads",
                                "1",
                                "-o",
                                run.toString()));
        assertThat(r.code()).as(r.toString()).isZero();
        // 5 images: the held-out ones are numbers floor(0.5 * 5 / 2) = 1 and floor(1.5 * 5 / 2) =
        // 3.
        assertThat(r.err())
                .contains("train (3 images) + more (2 images), 2 held out for validation")
                .contains("validating on 2 held-out training images (img1, m0)");
        assertThat(WeightsFile.load(run.resolve(TrainCommand.BEST)).metadata())
                .containsEntry("validationSet", "hold-out (2 images)")
                .containsEntry(
                        "trainingData",
                        "train (3 images) + more (2 images), 2 held out for validation");
        assertThat(Files.readString(run.resolve(TrainCommand.RUN_FILE)))
                .contains("\"holdout\": 2")
                .contains("\"threads\": 1");
        Cli.Result all =
                train(
                        null,
                        List.of(
                                "train",
                                "--data",
                                data.toString(),
                                "--holdout",
                                "3",
                                "--scale",
                                "2",
                                "-o",
                                dir.resolve("r2").toString()));
        assertThat(all.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(all.err()).contains("--holdout 3 must be between 0 and 2");
    }

    @Test
    void resumeOnAnotherThreadCountIsRefused() {
        Path run = dir.resolve("run");
        assertThat(train(null, args(run, 2, "--threads", "1")).code())
                .isEqualTo(ExitCodes.USAGE); // given twice
        List<String> one = args(run, 2);
        one.set(one.indexOf("--threads") + 1, "1");
        assertThat(train(null, one).code()).isZero();
        Cli.Result r =
                train(null, List.of("train", "--resume", "-o", run.toString(), "--threads", "2"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--threads 2 (the run has 1)");
        Cli.Result negative =
                train(null, List.of("train", "--resume", "-o", run.toString(), "--threads", "-1"));
        assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).contains("--threads must be >= 0");
    }

    @Test
    void aFinishedRunWhoseCheckpointIsGoneIsNotRestartedFromScratch() throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(null, args(run, 4)).code()).isZero();
        Files.delete(run.resolve(TrainCommand.CHECKPOINT));
        byte[] model = Files.readAllBytes(run.resolve(TrainCommand.MODEL));
        String loss = Files.readString(run.resolve(TrainCommand.LOSS_LOG));
        Cli.Result r =
                train(
                        null,
                        List.of("train", "--resume", "-o", run.toString(), "--iterations", "8"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("checkpoint.safetensors is missing")
                .contains("model.safetensors exists");
        assertThat(Files.readAllBytes(run.resolve(TrainCommand.MODEL))).isEqualTo(model);
        assertThat(Files.readString(run.resolve(TrainCommand.LOSS_LOG))).isEqualTo(loss);
    }

    @Test
    void initFromCopiesTheMatchingParametersOfAnotherScale() throws IOException {
        Path x2 = dir.resolve("x2");
        assertThat(train(null, args(x2, 2)).code()).isZero();
        Path x4 = dir.resolve("x4");
        List<String> a = args(x4, 2, "--init-from", x2.resolve(TrainCommand.MODEL).toString());
        a.set(a.indexOf("--scale") + 1, "4");
        a.set(a.indexOf("--val-every") + 1, "0");
        Cli.Result r = train(null, a);
        assertThat(r.code()).as(r.toString()).isZero();
        // x4 = two x2 GRUMs: the trunk, the first GRUM and GRRB come from the x2 model; the second
        // GRUM is new.
        assertThat(r.err())
                .containsPattern(
                        "initialised \\d+ of \\d+ parameter tensors from .*x2.model\\.safetensors")
                .contains("seeded initialisation kept for upsample.1.");
        assertThat(r.err())
                .doesNotContain("kept for sfe1")
                .doesNotContain("upsample.0.proj.weight,");
        assertThat(Files.readAllBytes(x4.resolve(TrainCommand.INIT)))
                .isEqualTo(Files.readAllBytes(x2.resolve(TrainCommand.MODEL)));
        assertThat(Files.readString(x4.resolve(TrainCommand.RUN_FILE)))
                .contains("\"initFrom\": \"" + x2.resolve(TrainCommand.MODEL));
        Cli.Result missing =
                train(
                        null,
                        args(
                                dir.resolve("x"),
                                2,
                                "--init-from",
                                dir.resolve("none.safetensors").toString()));
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("none.safetensors does not exist");
    }

    @Test
    void validationIsSkippedWithAMessageWithoutData() {
        String before = System.getProperty("srgrn.data");
        System.setProperty("srgrn.data", dir.resolve("no-such-data").toString());
        try {
            Path run = dir.resolve("run");
            Cli.Result r =
                    train(
                            null,
                            List.of(
                                    "train",
                                    "--data",
                                    data.toString(),
                                    "--scale",
                                    "2",
                                    "--preset",
                                    "compact",
                                    "--iterations",
                                    "1",
                                    "--patch",
                                    "6",
                                    "--batch",
                                    "1",
                                    "--threads",
                                    "1",
                                    "-o",
                                    run.toString()));
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
    void anUnreadableTrainingImageIsNamedAndLeftOutNotTheEndOfTheRun() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.copy(data.resolve("img0.png"), mixed.resolve("img0.png"));
        Files.copy(data.resolve("img1.png"), mixed.resolve("img1.png"));
        Path corrupt =
                Files.write(
                        mixed.resolve("corrupt.png"),
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path run = dir.resolve("run");
        List<String> a = args(run, 1);
        a.set(a.indexOf("--data") + 1, mixed.toString());
        Cli.Result r = train(null, a);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains(
                        "train: 1 of 3 training images cannot be used and are left out: "
                                + corrupt);
        assertThat(run.resolve(TrainCommand.MODEL)).isNotEmptyFile();
    }

    @Test
    void resumeRefusesDifferentSettings() {
        Path run = dir.resolve("run");
        assertThat(train(null, args(run, 2)).code()).isZero();
        Cli.Result r =
                train(
                        null,
                        List.of(
                                "train",
                                "--resume",
                                "-o",
                                run.toString(),
                                "--scale",
                                "3",
                                "--batch",
                                "4"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("--scale 3 (the run has 2)")
                .contains("--batch 4 (the run has 2)");
    }

    @Test
    void resumeOfNothingIsAUsageError() {
        Cli.Result r =
                train(null, List.of("train", "--resume", "-o", dir.resolve("empty").toString()));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nothing to resume");
    }

    @Test
    void missingDataIsAUsageError() {
        Cli.Result noData =
                train(null, List.of("train", "--scale", "2", "-o", dir.resolve("r1").toString()));
        assertThat(noData.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noData.err()).contains("--data and --scale are required");
        Cli.Result gone =
                train(
                        null,
                        List.of(
                                "train",
                                "--data",
                                dir.resolve("gone").toString(),
                                "--scale",
                                "2",
                                "-o",
                                dir.resolve("r2").toString()));
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
