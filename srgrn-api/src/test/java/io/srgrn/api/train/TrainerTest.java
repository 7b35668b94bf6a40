package io.srgrn.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.WeightsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final SrgrnConfig CONFIG =
            new SrgrnConfig(2, 3, 3, 8, 2, 2, 4, 4, 2, 0.2, NodeAggregation.MEAN, true, true);
    private static final BatchSource SOURCE =
            index -> {
                SplittableRandom r = new SplittableRandom(index);
                float[] hr = new float[2 * 3 * 8 * 8];
                for (int i = 0; i < hr.length; i++) {
                    hr[i] = (float) (0.5 + 0.1 * r.nextDouble());
                }
                return new Batch(Tensor.zeros(2, 3, 4, 4), Tensor.of(hr, 2, 3, 8, 8));
            };

    @TempDir Path dir;

    private ToyModule freshModule() {
        SrgrnSpec spec = new SrgrnSpec(CONFIG);
        return new ToyModule(spec, Initializer.initialize(spec, 1));
    }

    @Test
    void resumedRunIsBitIdenticalToUninterruptedRun() {
        TrainingSettings settings =
                new TrainingSettings(
                        40,
                        new StepSchedule(1e-2, 15),
                        io.srgrn.api.spi.AdamSettings.paper(),
                        0,
                        null);
        ToyModule straight = freshModule();
        new Trainer(straight, CONFIG, settings).fit(SOURCE);

        Path ckpt = dir.resolve("ckpt.safetensors");
        ToyModule first = freshModule();
        new Trainer(first, CONFIG, settings.withIterations(17).withCheckpoints(ckpt, 5))
                .fit(SOURCE);
        ToyModule second = freshModule();
        Trainer resumed = new Trainer(second, CONFIG, settings);
        resumed.resume(Checkpoint.read(ckpt));
        assertThat(resumed.iteration()).isEqualTo(17);
        resumed.fit(SOURCE);

        Map<String, Tensor> a = straight.parameters();
        Map<String, Tensor> b = second.parameters();
        a.forEach((k, t) -> assertThat(b.get(k).bitEquals(t)).as(k).isTrue());
        assertThat(second.optimizerState().step()).isEqualTo(40);
        // the schedule halves at 15 and 30 and the resumed part continues it
        assertThat(second.learningRates).first().isEqualTo(5e-3);
        assertThat(second.learningRates).last().isEqualTo(2.5e-3);
    }

    @Test
    void listenerSeesEveryStepAndCheckpoints() {
        Path ckpt = dir.resolve("c.safetensors");
        List<Long> steps = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        Trainer trainer =
                new Trainer(
                        freshModule(), CONFIG, TrainingSettings.paper(12).withCheckpoints(ckpt, 5));
        trainer.addListener(
                new TrainingListener() {
                    @Override
                    public void onStep(StepEvent e) {
                        steps.add(e.iteration());
                        assertThat(e.totalIterations()).isEqualTo(12);
                        assertThat(e.learningRate()).isEqualTo(1e-4);
                    }

                    @Override
                    public void onCheckpoint(long iteration, Path file) {
                        checkpoints.add(iteration);
                        assertThat(Files.exists(file)).isTrue();
                    }
                });
        trainer.fit(SOURCE);
        assertThat(steps).hasSize(12).startsWith(1L).endsWith(12L);
        assertThat(checkpoints).containsExactly(5L, 10L, 12L);
        assertThat(Checkpoint.read(ckpt).iteration()).isEqualTo(12);
    }

    @Test
    void aStopEndsBetweenStepsWithACheckpointWhereItStopped() {
        Path ckpt = dir.resolve("s.safetensors");
        List<Long> checkpoints = new ArrayList<>();
        Trainer trainer =
                new Trainer(
                        freshModule(), CONFIG, TrainingSettings.paper(40).withCheckpoints(ckpt, 5));
        trainer.addListener(
                new TrainingListener() {
                    @Override
                    public void onCheckpoint(long iteration, Path file) {
                        checkpoints.add(iteration);
                    }
                });
        trainer.fit(SOURCE, () -> trainer.iteration() >= 7);
        assertThat(trainer.iteration()).isEqualTo(7);
        assertThat(checkpoints).containsExactly(5L, 7L);
        assertThat(Checkpoint.read(ckpt).iteration()).isEqualTo(7);

        // stopping right after an interval checkpoint writes no second one
        checkpoints.clear();
        trainer.fit(SOURCE, () -> trainer.iteration() >= 10);
        assertThat(trainer.iteration()).isEqualTo(10);
        assertThat(checkpoints).containsExactly(10L);

        // a stop before any step of this call trains and writes nothing
        trainer.fit(SOURCE, () -> true);
        assertThat(trainer.iteration()).isEqualTo(10);
        assertThat(checkpoints).containsExactly(10L);
    }

    @Test
    void resumeRejectsOtherConfigAndBadFiles() throws Exception {
        Path ckpt = dir.resolve("k.safetensors");
        new Trainer(freshModule(), CONFIG, TrainingSettings.paper(2).withCheckpoints(ckpt, 0))
                .fit(SOURCE);
        SrgrnConfig other = CONFIG.withScale(3);
        SrgrnSpec otherSpec = new SrgrnSpec(other);
        Trainer trainer =
                new Trainer(
                        new ToyModule(otherSpec, Initializer.initialize(otherSpec, 1)),
                        other,
                        TrainingSettings.paper(3));
        assertThatThrownBy(() -> trainer.resume(Checkpoint.read(ckpt)))
                .hasMessageContaining("differs");

        Path weightsOnly = dir.resolve("w.safetensors");
        io.srgrn.api.weights.WeightsFile.save(
                weightsOnly, CONFIG, Initializer.initialize(new SrgrnSpec(CONFIG), 1), Map.of());
        assertThatThrownBy(() -> Checkpoint.read(weightsOnly))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("not an SRGRN checkpoint");
    }

    @Test
    void stepScheduleHalves() {
        StepSchedule s = StepSchedule.paper();
        assertThat(s.at(0)).isEqualTo(1e-4);
        assertThat(s.at(199_999)).isEqualTo(1e-4);
        assertThat(s.at(200_000)).isEqualTo(5e-5);
        assertThat(s.at(600_000)).isEqualTo(1.25e-5);
    }
}
