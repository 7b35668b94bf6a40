package io.srgrn.api.train;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.ConfigJson;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SafetensorsFile;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.api.weights.WeightsFormatException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resumable training state in one safetensors file: the weights under their SPEC names, Adam's
 * moments under {@code optimizer.m.NAME} / {@code optimizer.v.NAME}, and the iteration and Adam
 * step in the metadata. One file written atomically, so a crash never leaves a torn checkpoint.
 */
public record Checkpoint(SrgrnWeights weights, OptimizerState optimizer, long iteration) {
    public static final String FORMAT = "srgrn-checkpoint";
    private static final String M = "optimizer.m.";
    private static final String V = "optimizer.v.";

    public void write(Path file) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(weights.parameters());
        optimizer.firstMoment().forEach((k, v) -> tensors.put(M + k, v));
        optimizer.secondMoment().forEach((k, v) -> tensors.put(V + k, v));
        Map<String, String> metadata = new LinkedHashMap<>(weights.metadata());
        metadata.put("format", FORMAT);
        metadata.put("spec", WeightsFile.SPEC_VERSION);
        metadata.put("config", ConfigJson.write(weights.config()));
        metadata.put("iteration", Long.toString(iteration));
        metadata.put("optimizerStep", Long.toString(optimizer.step()));
        Safetensors.write(file, tensors, metadata);
    }

    public static Checkpoint read(Path file) {
        SafetensorsFile content = Safetensors.read(file);
        Map<String, String> meta = content.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new WeightsFormatException(
                    file
                            + ": not an SRGRN checkpoint (metadata format is '"
                            + meta.get("format")
                            + "', expected '"
                            + FORMAT
                            + "')");
        }
        long iteration = longMeta(meta, "iteration", file);
        long step = longMeta(meta, "optimizerStep", file);
        Map<String, Tensor> params = new LinkedHashMap<>();
        Map<String, Tensor> m = new LinkedHashMap<>();
        Map<String, Tensor> v = new LinkedHashMap<>();
        content.tensors()
                .forEach(
                        (name, t) -> {
                            if (name.startsWith(M)) {
                                m.put(name.substring(M.length()), t);
                            } else if (name.startsWith(V)) {
                                v.put(name.substring(V.length()), t);
                            } else {
                                params.put(name, t);
                            }
                        });
        Map<String, String> weightMeta = new LinkedHashMap<>(meta);
        weightMeta.put("format", WeightsFile.FORMAT);
        weightMeta.keySet().removeAll(java.util.List.of("iteration", "optimizerStep"));
        SrgrnWeights weights =
                WeightsFile.fromSafetensors(
                        new SafetensorsFile(params, weightMeta), file.toString());
        checkMoments(file, weights.config(), m, step);
        checkMoments(file, weights.config(), v, step);
        return new Checkpoint(weights, new OptimizerState(step, m, v), iteration);
    }

    private static void checkMoments(
            Path file, SrgrnConfig config, Map<String, Tensor> moments, long step) {
        if (step == 0 && moments.isEmpty()) {
            return;
        }
        for (ParamSpec p : new SrgrnSpec(config).parameters()) {
            Tensor t = moments.get(p.name());
            if (t == null || !p.hasShape(t.shape())) {
                throw new WeightsFormatException(
                        file
                                + ": optimizer moment for '"
                                + p.name()
                                + "' is "
                                + (t == null ? "missing" : "misshapen")
                                + " in the checkpoint");
            }
        }
        if (moments.size() != new SrgrnSpec(config).parameters().size()) {
            throw new WeightsFormatException(
                    file + ": the checkpoint holds optimizer moments for unknown parameters");
        }
    }

    private static long longMeta(Map<String, String> meta, String key, Path file) {
        try {
            return Long.parseLong(meta.getOrDefault(key, ""));
        } catch (NumberFormatException e) {
            throw new WeightsFormatException(
                    file + ": checkpoint metadata '" + key + "' is missing or not an integer");
        }
    }
}
