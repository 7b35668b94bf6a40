package io.srgrn.api.train;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spi.Module;
import io.srgrn.api.weights.SrgrnWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a compiled SRGRN with L1 loss and Adam (SPEC 5). Each iteration {@code i} uses {@code
 * source.batch(i)} and {@code schedule.at(i)} and runs entirely inside the backend ({@link
 * Module#trainStep}), so a run resumed from a checkpoint repeats an uninterrupted one exactly on a
 * deterministic backend.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Module module;
    private final SrgrnConfig config;
    private final TrainingSettings settings;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private long iteration;
    private long checkpointed = -1;

    public Trainer(Module module, SrgrnConfig config, TrainingSettings settings) {
        this.module = Objects.requireNonNull(module, "module");
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Restores weights, Adam's state and the iteration count from a checkpoint of the same config.
     */
    public void resume(Checkpoint checkpoint) {
        if (!checkpoint.weights().config().equals(config)) {
            throw new IllegalArgumentException(
                    "checkpoint config "
                            + checkpoint.weights().config()
                            + " differs from the model's "
                            + config);
        }
        module.setParameters(checkpoint.weights().parameters());
        module.setOptimizerState(checkpoint.optimizer());
        iteration = checkpoint.iteration();
        LOG.info(
                "resumed at iteration {} (Adam step {})", iteration, checkpoint.optimizer().step());
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Iterations completed so far. */
    public long iteration() {
        return iteration;
    }

    /**
     * Trains until {@link TrainingSettings#iterations()} and returns the last step's loss (NaN if
     * none ran).
     */
    public float fit(BatchSource source) {
        return fit(source, () -> false);
    }

    /**
     * As {@link #fit(BatchSource)}, but stops early once {@code stop} says so; it is asked between
     * steps (after the listeners heard of the last one), never during one, so a stop leaves the
     * backend idle. A run stopped early writes its checkpoint at the iteration it reached (unless
     * that one was just written), so that nothing trained is lost and a resume goes on from there.
     */
    public float fit(BatchSource source, BooleanSupplier stop) {
        Objects.requireNonNull(stop, "stop");
        long start = System.nanoTime();
        long startIteration = iteration;
        float loss = Float.NaN;
        while (iteration < settings.iterations()) {
            if (stop.getAsBoolean()) {
                LOG.info("stopped at iteration {} of {}", iteration, settings.iterations());
                if (settings.checkpointFile() != null
                        && iteration > startIteration
                        && checkpointed != iteration) {
                    checkpoint();
                }
                break;
            }
            Batch batch = source.batch(iteration);
            double lr = settings.schedule().at(iteration);
            loss = module.trainStep(batch.lr(), batch.hr(), settings.adam(), lr);
            if (!Float.isFinite(loss)) {
                throw new IllegalStateException(
                        "training diverged: loss is "
                                + loss
                                + " at iteration "
                                + iteration
                                + " (learning rate "
                                + lr
                                + ")");
            }
            iteration++;
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingListener.StepEvent event =
                    new TrainingListener.StepEvent(
                            iteration,
                            settings.iterations(),
                            loss,
                            lr,
                            (iteration - startIteration) / Math.max(seconds, 1e-9));
            for (TrainingListener l : listeners) {
                l.onStep(event);
            }
            boolean atInterval =
                    settings.checkpointInterval() > 0
                            && iteration % settings.checkpointInterval() == 0;
            if (settings.checkpointFile() != null
                    && (atInterval || iteration == settings.iterations())) {
                checkpoint();
            }
        }
        return loss;
    }

    /** The current state as a checkpoint (weights, Adam's state, iteration). */
    public Checkpoint snapshot() {
        return new Checkpoint(
                new SrgrnWeights(config, module.parameters(), Map.of()),
                module.optimizerState(),
                iteration);
    }

    private void checkpoint() {
        snapshot().write(settings.checkpointFile());
        checkpointed = iteration;
        LOG.debug("checkpoint at iteration {} written to {}", iteration, settings.checkpointFile());
        for (TrainingListener l : listeners) {
            l.onCheckpoint(iteration, settings.checkpointFile());
        }
    }
}
