package io.srgrn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.train.Checkpoint;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.metrics.SetScore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run called from Java, as {@code srgrn train} calls it: compact preset, tiny patches, a
 * few iterations. What a user of the library relies on: the run folder's files, resuming after a
 * crash as if nothing happened, and bad training images named and left out instead of ending the
 * run.
 */
class TrainingRunTest {
    @TempDir static Path shared;
    static Path data;
    static Path validation;

    @TempDir Path dir;

    @BeforeAll
    static void makeData() throws IOException {
        data = Files.createDirectories(shared.resolve("train"));
        for (int i = 0; i < 3; i++) {
            image(data.resolve("img" + i + ".png"), 3, 24, 20 + 2 * i, 100 + i);
        }
        validation = Files.createDirectories(shared.resolve("val"));
        // Big enough for SSIM's 11x11 window after the 2-pixel border shave.
        image(validation.resolve("v0.png"), 3, 16, 16, 200);
        image(validation.resolve("v1.png"), 1, 16, 18, 201);
    }

    static void image(Path file, int channels, int height, int width, long seed)
            throws IOException {
        Random r = new Random(seed);
        float[] d = new float[channels * height * width];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round(r.nextFloat() * 255) / 255f;
        }
        ImageFiles.write(file, DecodedImage.of(new PlanarImage(channels, height, width, d)));
    }

    static RunSettings settings(Path dataFolder, long iterations) {
        return new RunSettings(
                "compact",
                2,
                "BI",
                0,
                dataFolder.toString(),
                6,
                2,
                1e-4,
                200_000,
                0,
                true,
                iterations,
                2,
                3,
                validation.toString(),
                0,
                1,
                null);
    }

    /** Everything the run says, kept for the assertions. */
    static final class Recorder implements RunObserver {
        final List<String> notes = new ArrayList<>();
        final List<Long> validations = new ArrayList<>();
        final List<Long> checkpoints = new ArrayList<>();
        long started = -1;

        @Override
        public void note(String message) {
            notes.add(message);
        }

        @Override
        public void onStart(long iteration, long total) {
            started = iteration;
        }

        @Override
        public void onValidation(long iteration, String setName, SetScore score) {
            assertThat(setName).isEqualTo("val");
            validations.add(iteration);
        }

        @Override
        public void onCheckpoint(long iteration, Path file) {
            checkpoints.add(iteration);
        }
    }

    @Test
    void aRunWritesItsFolderAsTheCommandLineDoes() throws IOException {
        Path run = dir.resolve("run");
        RunSettings settings = settings(data, 6);
        Recorder seen = new Recorder();
        TrainingRun.Result result =
                new TrainingRun(run, settings, TrainingRun.Options.defaults())
                        .run(TrainingRun.Mode.NEW, seen);

        assertThat(result.iterations()).isEqualTo(6);
        assertThat(result.validationName()).isEqualTo("val");
        assertThat(seen.started).isZero();
        assertThat(seen.validations).containsExactly(3L, 6L);
        assertThat(seen.checkpoints).containsExactly(2L, 4L, 6L);
        assertThat(seen.notes)
                .anyMatch(
                        n ->
                                n.startsWith(
                                        "degrading 3 training image(s) from train (3 images) (BI_x2)"))
                .anyMatch(n -> n.startsWith("validating on val (2 images) every 3 iterations"));

        assertThat(Files.readString(run.resolve(TrainingRun.RUN_FILE))).isEqualTo(settings.json());
        assertThat(TrainingRun.stored(run)).contains(settings);
        List<String> loss = Files.readAllLines(run.resolve(TrainingRun.LOSS_LOG));
        assertThat(loss).hasSize(7).first().isEqualTo("iteration,loss,learning_rate,seconds");
        assertThat(loss.get(1)).startsWith("1,").contains(",1.0E-4,");
        assertThat(Files.readAllLines(run.resolve(TrainingRun.VALIDATION_LOG))).hasSize(3);
        assertThat(Files.readAllLines(run.resolve(TrainingRun.GAMMA_LOG)))
                .startsWith("iteration,upsample.0.gamma,grrb.gamma")
                .hasSize(3);
        List<String> sessions = Files.readAllLines(run.resolve(TrainingRun.SESSIONS));
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1)).contains(",0,6,1,djl,");
        assertThat(Checkpoint.read(run.resolve(TrainingRun.CHECKPOINT)).iteration()).isEqualTo(6);

        SrgrnWeights model = WeightsFile.load(run.resolve(TrainingRun.MODEL));
        assertThat(model.metadata())
                .containsEntry("trainedIterations", "6")
                .containsEntry("preset", "compact")
                .containsEntry("degradation", "BI_x2")
                .containsEntry("trainingData", "train (3 images)")
                .containsEntry("validationSet", "val (2 images)")
                .containsKey("validationPsnr");
        SrgrnWeights best = WeightsFile.load(run.resolve(TrainingRun.BEST));
        assertThat(best.metadata())
                .containsKey("validationPsnr")
                .containsEntry("validationSet", "val (2 images)");
    }

    @Test
    void aCrashedRunResumesToTheWeightsOfARunThatNeverStopped() throws IOException {
        Path straight = dir.resolve("straight");
        new TrainingRun(straight, settings(data, 5), TrainingRun.Options.defaults())
                .run(TrainingRun.Mode.NEW, new Recorder());

        Path broken = dir.resolve("broken");
        RunObserver crashAt3 =
                new RunObserver() {
                    @Override
                    public void onStep(StepEvent e) {
                        if (e.iteration() == 3) {
                            throw new IllegalStateException("simulated crash");
                        }
                    }
                };
        TrainingRun first =
                new TrainingRun(broken, settings(data, 5), TrainingRun.Options.defaults());
        assertThatThrownBy(() -> first.run(TrainingRun.Mode.NEW, crashAt3))
                .hasMessage("simulated crash");
        assertThat(Checkpoint.read(broken.resolve(TrainingRun.CHECKPOINT)).iteration())
                .isEqualTo(2);
        assertThatThrownBy(() -> first.run(TrainingRun.Mode.NEW, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageContaining("already holds a training run");

        Recorder resumed = new Recorder();
        RunSettings stored = TrainingRun.stored(broken).orElseThrow();
        new TrainingRun(broken, stored, TrainingRun.Options.defaults())
                .run(TrainingRun.Mode.RESUME, resumed);
        assertThat(resumed.started).isEqualTo(2);
        assertThat(resumed.notes).contains("resuming at iteration 2 of 5");

        Map<String, Tensor> a = WeightsFile.load(straight.resolve(TrainingRun.MODEL)).parameters();
        Map<String, Tensor> b = WeightsFile.load(broken.resolve(TrainingRun.MODEL)).parameters();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, t) -> assertThat(b.get(name).bitEquals(t)).as(name).isTrue());
        assertThat(Files.readString(broken.resolve(TrainingRun.GAMMA_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainingRun.GAMMA_LOG)));
        assertThat(Files.readString(broken.resolve(TrainingRun.VALIDATION_LOG)))
                .isEqualTo(Files.readString(straight.resolve(TrainingRun.VALIDATION_LOG)));
        assertThat(Files.readAllLines(broken.resolve(TrainingRun.SESSIONS))).hasSize(3);
    }

    @Test
    void unreadableAndOnePixelImagesAreNamedAndLeftOut() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        for (int i = 0; i < 2; i++) {
            image(mixed.resolve("good" + i + ".png"), 3, 24, 20, 300 + i);
        }
        Files.write(
                mixed.resolve("corrupt.png"),
                "not an image at all".getBytes(StandardCharsets.UTF_8));
        image(mixed.resolve("dot.png"), 3, 1, 1, 7);

        Recorder seen = new Recorder();
        TrainingRun.Result r =
                new TrainingRun(
                                dir.resolve("run"),
                                settings(mixed, 2),
                                TrainingRun.Options.defaults())
                        .run(TrainingRun.Mode.NEW, seen);

        assertThat(r.iterations()).isEqualTo(2);
        String leftOut =
                seen.notes.stream()
                        .filter(n -> n.contains("cannot be used"))
                        .findFirst()
                        .orElseThrow();
        assertThat(leftOut)
                .startsWith("2 of 4 training images cannot be used and are left out: ")
                .contains(mixed.resolve("corrupt.png").toString())
                .contains(mixed.resolve("dot.png").toString())
                .contains("shorter than the scale");
        // the file is named once, not "FILE: FILE: reason"
        String corrupt = mixed.resolve("corrupt.png").toString();
        assertThat(leftOut.indexOf(corrupt)).isEqualTo(leftOut.lastIndexOf(corrupt));
    }

    @Test
    void aFolderWithNothingUsableIsASetupErrorNamingEachFileAndLeavesNoRun() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.write(bad.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        image(bad.resolve("dot.png"), 3, 1, 1, 7);
        Path run = dir.resolve("run");

        assertThatThrownBy(
                        () ->
                                new TrainingRun(
                                                run,
                                                settings(bad, 2),
                                                TrainingRun.Options.defaults())
                                        .run(TrainingRun.Mode.NEW, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageStartingWith("none of the 2 training images can be used: ")
                .hasMessageContaining(bad.resolve("corrupt.png").toString())
                .hasMessageContaining(bad.resolve("dot.png").toString());
        assertThat(run).doesNotExist();
    }

    @Test
    void imagesSmallerThanAPatchAreLeftOutByNameAndAllTooSmallIsASetupError() throws IOException {
        Path run = dir.resolve("run");
        RunSettings tooBig =
                new RunSettings(
                        "compact",
                        2,
                        "BI",
                        0,
                        data.toString(),
                        16,
                        2,
                        1e-4,
                        200_000,
                        0,
                        true,
                        1,
                        2,
                        0,
                        null,
                        0,
                        1,
                        null);
        assertThatThrownBy(
                        () ->
                                new TrainingRun(run, tooBig, TrainingRun.Options.defaults())
                                        .run(TrainingRun.Mode.NEW, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageContaining("smaller than the 16x16 patch")
                .hasMessageContaining("img0 (10x12)");
        assertThat(run).doesNotExist();
    }

    @Test
    void settingsBuiltInJavaAreCheckedBeforeAnythingIsWritten() {
        Path run = dir.resolve("run");
        RunSettings bad =
                new RunSettings(
                        "compact",
                        2,
                        "BI",
                        0,
                        data.toString(),
                        0,
                        2,
                        -1,
                        200_000,
                        0,
                        true,
                        2,
                        2,
                        0,
                        null,
                        0,
                        1,
                        null);
        assertThatThrownBy(
                        () ->
                                new TrainingRun(run, bad, TrainingRun.Options.defaults())
                                        .run(TrainingRun.Mode.NEW, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageContaining("patch, batch")
                .hasMessageContaining("learning rate must be finite and > 0, got -1.0");
        RunSettings blurAtX2 =
                new RunSettings(
                        "compact",
                        2,
                        "BD",
                        0,
                        data.toString(),
                        6,
                        2,
                        1e-4,
                        200_000,
                        0,
                        true,
                        2,
                        2,
                        0,
                        null,
                        0,
                        1,
                        null);
        assertThatThrownBy(
                        () ->
                                new TrainingRun(run, blurAtX2, TrainingRun.Options.defaults())
                                        .run(TrainingRun.Mode.NEW, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageContaining("BD is defined for x3 only");
        assertThat(run).doesNotExist();
    }

    @Test
    void aFinishedRunWhoseCheckpointIsGoneIsRefused() throws IOException {
        Path run = dir.resolve("run");
        RunSettings settings = settings(data, 2);
        new TrainingRun(run, settings, TrainingRun.Options.defaults())
                .run(TrainingRun.Mode.NEW, new Recorder());
        Files.delete(run.resolve(TrainingRun.CHECKPOINT));
        byte[] model = Files.readAllBytes(run.resolve(TrainingRun.MODEL));
        assertThatThrownBy(
                        () ->
                                new TrainingRun(run, settings, TrainingRun.Options.defaults())
                                        .run(TrainingRun.Mode.RESUME, new Recorder()))
                .isInstanceOf(RunSetupException.class)
                .hasMessageContaining("checkpoint.safetensors is missing");
        assertThat(Files.readAllBytes(run.resolve(TrainingRun.MODEL))).isEqualTo(model);
    }
}
