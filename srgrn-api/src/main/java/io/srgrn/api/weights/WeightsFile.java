package io.srgrn.api.weights;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SRGRN weights files (SPEC section 2, "Weights file"): safetensors with SPEC tensor names and
 * {@code __metadata__} {@code format = srgrn}, {@code spec = 1}, {@code config = {...}}.
 *
 * <p>Loading is all-or-nothing: every tensor is checked (names, shapes, finite values) before a
 * {@link SrgrnWeights} exists, so a bad file never leaves a half-loaded model.
 */
public final class WeightsFile {
    public static final String FORMAT = "srgrn";
    public static final String SPEC_VERSION = "1";

    private WeightsFile() {}

    /**
     * Saves {@code parameters} (exactly the spec's) with the config and extra metadata, atomically.
     */
    public static void save(
            Path file,
            SrgrnConfig config,
            Map<String, Tensor> parameters,
            Map<String, String> extra) {
        SrgrnSpec spec = new SrgrnSpec(config);
        check(file.toString(), spec, parameters);
        Map<String, String> metadata = new LinkedHashMap<>(extra);
        metadata.put("format", FORMAT);
        metadata.put("spec", SPEC_VERSION);
        metadata.put("config", ConfigJson.write(config));
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            ordered.put(p.name(), parameters.get(p.name()));
        }
        Safetensors.write(file, ordered, metadata);
    }

    public static SrgrnWeights load(Path file) {
        return fromSafetensors(Safetensors.read(file), file.toString());
    }

    /** Checks and converts a parsed file; {@code source} names it in errors. */
    public static SrgrnWeights fromSafetensors(SafetensorsFile content, String source) {
        Map<String, String> metadata = content.metadata();
        SrgrnConfig config;
        if (metadata.containsKey("config")) {
            if (metadata.containsKey("format") && !FORMAT.equals(metadata.get("format"))) {
                throw new WeightsFormatException(
                        source
                                + ": metadata format is '"
                                + metadata.get("format")
                                + "', expected '"
                                + FORMAT
                                + "'");
            }
            if (metadata.containsKey("spec") && !SPEC_VERSION.equals(metadata.get("spec"))) {
                throw new WeightsFormatException(
                        source
                                + ": written for SPEC version "
                                + metadata.get("spec")
                                + "; this library reads version "
                                + SPEC_VERSION);
            }
            try {
                config = ConfigJson.parse(metadata.get("config"));
            } catch (IllegalArgumentException e) {
                throw new WeightsFormatException(
                        source + ": invalid config metadata: " + e.getMessage(), e);
            }
        } else {
            config = inferConfig(content.tensors(), source);
        }
        SrgrnSpec spec = new SrgrnSpec(config);
        check(source, spec, content.tensors());
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            parameters.put(p.name(), content.tensors().get(p.name()));
        }
        Map<String, String> extra = new LinkedHashMap<>(metadata);
        extra.keySet().removeAll(List.of("format", "spec", "config"));
        return new SrgrnWeights(config, parameters, extra);
    }

    /** Missing, unknown, misshapen or non-finite tensors fail with the file and tensor named. */
    private static void check(String source, SrgrnSpec spec, Map<String, Tensor> tensors) {
        List<String> missing = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>(tensors.keySet());
        for (ParamSpec p : spec.parameters()) {
            unknown.remove(p.name());
            Tensor t = tensors.get(p.name());
            if (t == null) {
                missing.add(p.name());
                continue;
            }
            if (!p.hasShape(t.shape())) {
                throw new WeightsFormatException(
                        source
                                + ": tensor '"
                                + p.name()
                                + "' has shape "
                                + Arrays.toString(t.shape())
                                + " but "
                                + spec.describe()
                                + " needs "
                                + Arrays.toString(p.shape()));
            }
            float[] d = t.data();
            for (int i = 0; i < d.length; i++) {
                if (!Float.isFinite(d[i])) {
                    throw new WeightsFormatException(
                            source
                                    + ": tensor '"
                                    + p.name()
                                    + "' holds "
                                    + d[i]
                                    + " at flat index "
                                    + i
                                    + "; weights must be finite");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new WeightsFormatException(
                    source
                            + ": missing tensor(s) for "
                            + spec.describe()
                            + ": "
                            + (missing.size() > 10
                                    ? missing.subList(0, 10)
                                            + " and "
                                            + (missing.size() - 10)
                                            + " more"
                                    : missing));
        }
        if (!unknown.isEmpty()) {
            throw new WeightsFormatException(
                    source + ": unknown tensor(s) for " + spec.describe() + ": " + unknown);
        }
    }

    /**
     * Reads the config off the tensor names and shapes (SPEC: a file exported from PyTorch has no
     * metadata). nodeAggregation defaults to MEAN and slope to 0.2; N and alpha, when no reasoning
     * layer holds them, take the paper's values (they then shape nothing).
     */
    public static SrgrnConfig inferConfig(Map<String, Tensor> t, String source) {
        int[] sfe1 = shape(t, "sfe1.weight", source);
        int g0 = sfe1[0];
        int in = sfe1[1];
        int d = count(t, i -> "rdbs." + i + ".lff.weight");
        int c = count(t, i -> "rdbs.0.convs." + i + ".weight");
        if (d == 0 || c == 0) {
            throw new WeightsFormatException(
                    source
                            + ": no 'rdbs.0.lff.weight' / 'rdbs.0.convs.0.weight': not SRGRN weights");
        }
        int g = shape(t, "rdbs.0.convs.0.weight", source)[0];
        int upsamplers = count(t, i -> "upsample." + i + ".subpixel.weight");
        int scale;
        if (upsamplers == 2) {
            scale = 4;
        } else if (upsamplers == 1) {
            int rr = shape(t, "upsample.0.subpixel.weight", source)[0] / g0;
            scale = rr == 9 ? 3 : 2;
        } else {
            throw new WeightsFormatException(
                    source + ": expected 1 or 2 upsample modules, found " + upsamplers);
        }
        int out = shape(t, "grrb.tail.1.weight", source)[0];
        boolean grum = t.containsKey("upsample.0.proj.weight");
        boolean grrb = t.containsKey("grrb.proj.weight");
        int n =
                grum
                        ? shape(t, "upsample.0.proj.weight", source)[0]
                        : grrb ? shape(t, "grrb.proj.weight", source)[0] : 10;
        int alpha =
                grum
                        ? g0 / shape(t, "upsample.0.expand.0.weight", source)[0]
                        : (g0 % 8 == 0 ? 8 : 1);
        try {
            return new SrgrnConfig(
                    scale, in, out, g0, d, c, g, n, alpha, 0.2, NodeAggregation.MEAN, grum, grrb);
        } catch (IllegalArgumentException e) {
            throw new WeightsFormatException(
                    source + ": tensor shapes give an invalid config: " + e.getMessage(), e);
        }
    }

    private static int[] shape(Map<String, Tensor> t, String name, String source) {
        Tensor tensor = t.get(name);
        if (tensor == null) {
            throw new WeightsFormatException(
                    source + ": missing tensor '" + name + "' (needed to infer the config)");
        }
        if (tensor.rank() < 2 && !name.endsWith("gamma")) {
            throw new WeightsFormatException(
                    source
                            + ": tensor '"
                            + name
                            + "' has shape "
                            + Arrays.toString(tensor.shape())
                            + ", expected a conv weight");
        }
        return tensor.shape();
    }

    private static int count(Map<String, Tensor> t, java.util.function.IntFunction<String> name) {
        int i = 0;
        while (t.containsKey(name.apply(i))) {
            i++;
        }
        return i;
    }
}
