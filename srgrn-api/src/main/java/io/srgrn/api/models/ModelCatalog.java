package io.srgrn.api.models;

import io.srgrn.api.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a model catalogue:
 *
 * <pre>{@code
 * {"models": [{"name": "compact-bi-x4", "scale": 4, "degradation": "BI", "preset": "compact",
 *              "parameters": 272662, "default": true, "file": "compact-bi-x4.safetensors",
 *              "sha256": "...", "scores": [{"set": "Set5", "selfEnsemble": false, "psnr": 30.1, "ssim": 0.85}],
 *              "training": {"trainedIterations": "20000", ...}}]}
 * }</pre>
 *
 * A malformed catalogue fails naming its source and the entry.
 */
public final class ModelCatalog {
    private ModelCatalog() {}

    public static List<ModelInfo> parse(String json, String source) {
        List<ModelInfo> out = new ArrayList<>();
        Object models = Json.parseObject(json).get("models");
        if (!(models instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": the catalogue has no \"models\" list");
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(entry(asMap(list.get(i), "model")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        source + ": model " + i + " of the catalogue: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The catalogue entry of {@code info} as JSON-ready maps (the inverse of {@link #parse}). */
    public static Map<String, Object> toJson(ModelInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", info.name());
        m.put("scale", info.scale());
        m.put("degradation", info.degradation());
        m.put("preset", info.preset());
        m.put("parameters", info.parameters());
        m.put("default", info.isDefault());
        m.put("file", info.file());
        m.put("sha256", info.sha256());
        List<Object> scores = new ArrayList<>();
        for (ModelInfo.Score s : info.scores()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("set", s.set());
            sm.put("selfEnsemble", s.selfEnsemble());
            sm.put("psnr", s.psnr());
            sm.put("ssim", s.ssim());
            scores.add(sm);
        }
        m.put("scores", scores);
        m.put(
                "training",
                new TreeMap<>(info.training())); // sorted: the same file for the same entries
        return m;
    }

    private static ModelInfo entry(Map<String, Object> m) {
        List<ModelInfo.Score> scores = new ArrayList<>();
        Object s = m.getOrDefault("scores", List.of());
        if (!(s instanceof List<?> list)) {
            throw new IllegalArgumentException("\"scores\" is not a list");
        }
        for (Object o : list) {
            Map<String, Object> sm = asMap(o, "score");
            scores.add(
                    new ModelInfo.Score(
                            string(sm, "set"),
                            Boolean.TRUE.equals(sm.get("selfEnsemble")),
                            number(sm, "psnr").doubleValue(),
                            number(sm, "ssim").doubleValue()));
        }
        Map<String, String> training = new LinkedHashMap<>();
        asMap(m.getOrDefault("training", Map.of()), "training")
                .forEach((k, v) -> training.put(k, String.valueOf(v)));
        return new ModelInfo(
                string(m, "name"),
                number(m, "scale").intValue(),
                string(m, "degradation"),
                string(m, "preset"),
                number(m, "parameters").longValue(),
                Boolean.TRUE.equals(m.get("default")),
                string(m, "file"),
                string(m, "sha256"),
                scores,
                training);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String v)) {
            throw new IllegalArgumentException("field \"" + key + "\" is missing or not a string");
        }
        return v;
    }

    private static Number number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number v)) {
            throw new IllegalArgumentException("field \"" + key + "\" is missing or not a number");
        }
        return v;
    }
}
