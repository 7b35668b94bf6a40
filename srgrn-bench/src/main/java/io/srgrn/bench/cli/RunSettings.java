package io.srgrn.bench.cli;

import io.srgrn.api.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What defines a training run, stored as {@code run.json} in the run folder. A resumed run must use
 * the same values for everything that changes the sequence of updates (model, data, sampling,
 * optimiser, seed); the target iteration count, the intervals and the validation set may change (what is
 * stored for them is only the default of a resumed run).
 */
record RunSettings(String preset, int scale, String degradation, long noiseSeed, String data, int patch, int batch,
        double learningRate, long halveEvery, long seed, boolean augment, long iterations, long checkpointEvery,
        long valEvery, String valData) {

    static final int VERSION = 1;

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("preset", preset);
        m.put("scale", scale);
        m.put("degradation", degradation);
        m.put("noiseSeed", noiseSeed);
        m.put("data", data);
        m.put("patch", patch);
        m.put("batch", batch);
        m.put("learningRate", learningRate);
        m.put("halveEvery", halveEvery);
        m.put("seed", seed);
        m.put("augment", augment);
        m.put("iterations", iterations);
        m.put("checkpointEvery", checkpointEvery);
        m.put("valEvery", valEvery);
        m.put("valData", valData);
        return m;
    }

    String json() {
        return Json.writePretty(toJson());
    }

    static RunSettings parse(String text, String source) {
        try {
            Map<String, Object> m = Json.parseObject(text);
            return new RunSettings((String) m.get("preset"), num(m, "scale").intValue(), (String) m.get("degradation"),
                    num(m, "noiseSeed").longValue(), (String) m.get("data"), num(m, "patch").intValue(),
                    num(m, "batch").intValue(), num(m, "learningRate").doubleValue(), num(m, "halveEvery").longValue(),
                    num(m, "seed").longValue(), Boolean.TRUE.equals(m.get("augment")), num(m, "iterations").longValue(),
                    num(m, "checkpointEvery").longValue(), num(m, "valEvery").longValue(), (String) m.get("valData"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(source + " is not a valid run description: " + Errors.describe(e), e);
        }
    }

    private static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field '" + key + "' is missing or not a number");
        }
        return n;
    }

}
