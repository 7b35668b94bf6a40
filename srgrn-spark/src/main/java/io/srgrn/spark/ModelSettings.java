package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Which SRGRN an executor runs and how: everything that makes two models different, so that it can
 * key the per-JVM cache ({@link ExecutorModels}) and travel to the executors with the task.
 *
 * <p>{@code model} names a shipped model ({@code srgrn models}); {@code weights} is a safetensors
 * file every executor can read at that path; with neither, the shipped default for {@code scale}.
 * {@code scale} 0 means "the model's own" (4 for the shipped default). {@code backend} null picks
 * the best available; {@code threads} 0 lets the backend choose; {@code memory} (null: {@link
 * MemorySettings#DEFAULT}) is how the model bounds its memory: tiles, a budget, feature retention.
 * It is part of the model because the facade fixes it when the model is built, so two jobs that
 * tile differently get two models. New settings are a new component here plus a param in {@link
 * SrgrnUpscaler}: the cache key follows automatically.
 */
public record ModelSettings(
        String model, String weights, int scale, String backend, int threads, MemorySettings memory)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ModelSettings {
        if (model != null && model.isBlank()) {
            model = null;
        }
        if (weights != null && weights.isBlank()) {
            weights = null;
        }
        if (backend != null && backend.isBlank()) {
            backend = null;
        }
        if (model != null && weights != null) {
            throw new IllegalArgumentException(
                    "both a model ("
                            + model
                            + ") and a weights file ("
                            + weights
                            + ") were given: choose one");
        }
        if (scale != 0 && scale != 2 && scale != 3 && scale != 4) {
            throw new IllegalArgumentException(
                    "invalid scale " + scale + "; allowed: 2, 3, 4 (0: the model's own)");
        }
        if (threads < 0) {
            throw new IllegalArgumentException(
                    "threads must be >= 0 (0: the backend chooses), not " + threads);
        }
        if (memory == null) {
            memory = MemorySettings.DEFAULT; // checked itself when made, on the driver
        }
    }

    /** The shipped default model for the scale, on the best backend, with the default memory. */
    public static ModelSettings shippedDefault(int scale) {
        return new ModelSettings(null, null, scale, null, 0, MemorySettings.DEFAULT);
    }

    /** Builds the model these settings describe (seconds: weights, natives, compilation). */
    Srgrn open() {
        Srgrn.Builder b = Srgrn.builder().threads(threads);
        if (weights != null) {
            b.weights(Path.of(weights));
        } else if (model != null) {
            b.model(model);
        }
        if (scale != 0) {
            b.scale(scale);
        }
        if (backend != null) {
            b.backend(backend);
        }
        memory.applyTo(b);
        return b.build();
    }

    /** For logs: what runs. */
    String describe() {
        return (weights != null ? weights : model != null ? model : "shipped default")
                + (scale == 0 ? "" : " x" + scale)
                + ", backend "
                + (backend == null ? "best available" : backend)
                + (threads == 0 ? "" : ", " + threads + " threads")
                + (memory.describe().isEmpty() ? "" : ", " + memory.describe());
    }
}
