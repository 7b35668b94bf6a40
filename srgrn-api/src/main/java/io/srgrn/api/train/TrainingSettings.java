package io.srgrn.api.train;

import io.srgrn.api.spi.AdamSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link Trainer} runs.
 *
 * @param iterations total iterations of the run (a resumed run continues up to this)
 * @param schedule learning rate per iteration
 * @param adam Adam's constants
 * @param checkpointInterval save a checkpoint every this many iterations (0: only at the end)
 * @param checkpointFile where the checkpoint goes (null: no checkpoints)
 */
public record TrainingSettings(
        long iterations,
        StepSchedule schedule,
        AdamSettings adam,
        long checkpointInterval,
        Path checkpointFile) {
    public TrainingSettings {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(adam, "adam");
        if (checkpointInterval < 0) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be >= 0, got " + checkpointInterval);
        }
    }

    /** SPEC 5's optimiser and schedule, no checkpoints. */
    public static TrainingSettings paper(long iterations) {
        return new TrainingSettings(
                iterations, StepSchedule.paper(), AdamSettings.paper(), 0, null);
    }

    public TrainingSettings withCheckpoints(Path file, long interval) {
        return new TrainingSettings(iterations, schedule, adam, interval, file);
    }

    public TrainingSettings withSchedule(StepSchedule newSchedule) {
        return new TrainingSettings(
                iterations, newSchedule, adam, checkpointInterval, checkpointFile);
    }

    public TrainingSettings withIterations(long total) {
        return new TrainingSettings(total, schedule, adam, checkpointInterval, checkpointFile);
    }
}
