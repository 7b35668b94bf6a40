package io.srgrn.api.train;

import java.nio.file.Path;

/** Progress of a {@link Trainer}; called on the training thread, so keep it quick. */
public interface TrainingListener {

    /** After each iteration. */
    default void onStep(StepEvent event) {}

    /** After a checkpoint was written completely. */
    default void onCheckpoint(long iteration, Path file) {}

    /**
     * @param iteration iterations completed, counting from the start of the whole run
     * @param totalIterations the run's target
     * @param loss L1 loss of this step's batch (before the update)
     * @param learningRate the rate used for this step
     * @param stepsPerSecond mean speed since this {@code fit} call started
     */
    record StepEvent(
            long iteration,
            long totalIterations,
            float loss,
            double learningRate,
            double stepsPerSecond) {
        /** Estimated seconds to the end at the current speed. */
        public double etaSeconds() {
            return stepsPerSecond > 0
                    ? (totalIterations - iteration) / stepsPerSecond
                    : Double.POSITIVE_INFINITY;
        }
    }
}
