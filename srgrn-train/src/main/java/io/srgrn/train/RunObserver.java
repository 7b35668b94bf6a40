package io.srgrn.train;

import io.srgrn.api.train.TrainingListener;
import io.srgrn.metrics.SetScore;

/**
 * What a {@link TrainingRun} tells its caller, on the training thread (keep it quick): lines about
 * the run's setup, the start of training, each step and checkpoint ({@link TrainingListener}) and
 * each validation. A command line shows them; a program may ignore them all (every method has an
 * empty default), since the run's files hold everything.
 */
public interface RunObserver extends TrainingListener {

    /** A line about the run for its user: data loaded, images left out, resuming, the model. */
    default void note(String message) {}

    /**
     * Training is about to run from {@code iteration} (0, or the checkpoint's) to {@code total}.
     */
    default void onStart(long iteration, long total) {}

    /**
     * The validation set was scored after {@code iteration}; called before that step's {@link
     * #onStep}.
     */
    default void onValidation(long iteration, String setName, SetScore score) {}
}
