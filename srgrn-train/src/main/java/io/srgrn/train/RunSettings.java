package io.srgrn.train;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.json.Json;
import io.srgrn.data.degrade.Degradation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What defines a training run, stored as {@code run.json} in the run folder. A resumed run must use
 * the same values for everything that changes the sequence of updates (model, data, hold-out,
 * sampling, optimiser, seed, CPU threads, initial weights); the target iteration count, the
 * intervals and the validation set may change (what is stored for them is only the default of a
 * resumed run).
 *
 * <p>{@code threads} is recorded because libtorch's CPU reductions depend on the thread count: a
 * resume on another count is not bit-identical. {@code data} lists one or more folders, separated
 * by commas, whose images are taken in that order (each folder in file-name order); {@code holdout}
 * of them are set aside as the validation set ({@link Holdout}). {@code initFrom} is the file the
 * weights started from ({@code init.safetensors} in the run folder keeps a copy), or null.
 */
public record RunSettings(
        String preset,
        int scale,
        String degradation,
        long noiseSeed,
        String data,
        int patch,
        int batch,
        double learningRate,
        long halveEvery,
        long seed,
        boolean augment,
        long iterations,
        long checkpointEvery,
        long valEvery,
        String valData,
        int holdout,
        int threads,
        String initFrom) {

    /**
     * Version 1 runs (before hold-out, threads and initial weights were recorded) read as holdout
     * 0, threads 0.
     */
    public static final int VERSION = 2;

    /** The training folders, in order. */
    public List<Path> dataFolders() {
        return Arrays.stream(data.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("preset", preset);
        m.put("scale", scale);
        m.put("degradation", degradation);
        m.put("noiseSeed", noiseSeed);
        m.put("data", data);
        m.put("holdout", holdout);
        m.put("patch", patch);
        m.put("batch", batch);
        m.put("learningRate", learningRate);
        m.put("halveEvery", halveEvery);
        m.put("seed", seed);
        m.put("augment", augment);
        m.put("threads", threads);
        m.put("initFrom", initFrom);
        m.put("iterations", iterations);
        m.put("checkpointEvery", checkpointEvery);
        m.put("valEvery", valEvery);
        m.put("valData", valData);
        return m;
    }

    /** The text of {@code run.json}. */
    public String json() {
        return Json.writePretty(toJson());
    }

    /** Reads {@code run.json}'s text; {@code source} names it in errors. */
    public static RunSettings parse(String text, String source) {
        try {
            Map<String, Object> m = Json.parseObject(text);
            return new RunSettings(
                    (String) m.get("preset"),
                    num(m, "scale").intValue(),
                    (String) m.get("degradation"),
                    num(m, "noiseSeed").longValue(),
                    (String) m.get("data"),
                    num(m, "patch").intValue(),
                    num(m, "batch").intValue(),
                    num(m, "learningRate").doubleValue(),
                    num(m, "halveEvery").longValue(),
                    num(m, "seed").longValue(),
                    Boolean.TRUE.equals(m.get("augment")),
                    num(m, "iterations").longValue(),
                    num(m, "checkpointEvery").longValue(),
                    num(m, "valEvery").longValue(),
                    (String) m.get("valData"),
                    optional(m, "holdout"),
                    optional(m, "threads"),
                    (String) m.get("initFrom"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    source
                            + " is not a valid run description: "
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage()),
                    e);
        }
    }

    /** The model these settings train. */
    public SrgrnConfig config() {
        return SrgrnConfig.preset(preset, scale);
    }

    /** How the LR images are made (BD and DN exist at x3 only: {@link Degradation#named}). */
    public Degradation degradationModel() {
        return Degradation.named(degradation, scale, noiseSeed);
    }

    private static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field '" + key + "' is missing or not a number");
        }
        return n;
    }

    private static int optional(Map<String, Object> m, String key) {
        return m.get(key) == null ? 0 : num(m, key).intValue();
    }
}
