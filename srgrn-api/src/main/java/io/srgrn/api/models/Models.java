package io.srgrn.api.models;

import io.srgrn.api.weights.Safetensors;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.api.weights.WeightsFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The trained models on the class path ({@code srgrn-models} or any other {@link ModelSource}):
 * list them, find one by name or the default for a scale, load its weights (checked against the
 * catalogue's SHA-256).
 */
public final class Models {
    private static volatile Map<String, Entry> cache;

    private Models() {}

    private record Entry(ModelInfo info, ModelSource source) {}

    /** Every shipped model, in catalogue order. */
    public static List<ModelInfo> available() {
        return entries().values().stream().map(Entry::info).toList();
    }

    public static Optional<ModelInfo> find(String name) {
        return Optional.ofNullable(entries().get(name)).map(Entry::info);
    }

    /**
     * The default model for {@code scale} and {@code degradation} (BI, BD or DN), if one is
     * shipped.
     */
    public static Optional<ModelInfo> defaultFor(int scale, String degradation) {
        return available().stream()
                .filter(
                        m ->
                                m.isDefault()
                                        && m.scale() == scale
                                        && m.degradation().equals(degradation))
                .findFirst();
    }

    /**
     * A degradation's catalogue name ({@code BI}, {@code BD} or {@code DN}) from any case and
     * surrounding spaces; empty for anything else.
     */
    public static Optional<String> degradationName(String name) {
        String d = name.trim().toUpperCase(Locale.ROOT);
        return List.of("BI", "BD", "DN").contains(d) ? Optional.of(d) : Optional.empty();
    }

    /** The shipped models for an error message: {@code name (BI x2), ...}, or how to get some. */
    public static String describeAvailable() {
        List<ModelInfo> all = available();
        return all.isEmpty()
                ? "none; add io.srgrn:srgrn-models to the class path"
                : all.stream()
                        .map(m -> m.name() + " (" + m.degradation() + " x" + m.scale() + ")")
                        .collect(Collectors.joining(", "));
    }

    /**
     * The weights of a shipped model; fails if its file is missing or differs from the catalogue.
     */
    public static SrgrnWeights load(String name) {
        Entry e = entries().get(name);
        if (e == null) {
            throw new IllegalArgumentException(
                    "no shipped model named '"
                            + name
                            + "'; available: "
                            + (entries().isEmpty()
                                    ? "none (add io.srgrn:srgrn-models to the class path)"
                                    : String.join(", ", entries().keySet())));
        }
        String source = "shipped model '" + name + "' (" + e.info().file() + ")";
        byte[] bytes;
        try (InputStream in = e.source().openWeights(e.info().file())) {
            if (in == null) {
                throw new WeightsFormatException(
                        source
                                + ": the weights file is missing from "
                                + e.source().getClass().getName());
            }
            bytes = in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(source + ": cannot read: " + ex.getMessage(), ex);
        }
        String actual = sha256(bytes);
        if (!actual.equals(e.info().sha256())) {
            throw new WeightsFormatException(
                    source
                            + ": SHA-256 "
                            + actual
                            + " differs from the catalogue's "
                            + e.info().sha256()
                            + " (a damaged or replaced file)");
        }
        return WeightsFile.fromSafetensors(Safetensors.parse(bytes, source), source);
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static Map<String, Entry> entries() {
        Map<String, Entry> c = cache;
        if (c == null) {
            synchronized (Models.class) {
                c = cache;
                if (c == null) {
                    c = discover();
                    cache = c;
                }
            }
        }
        return c;
    }

    private static Map<String, Entry> discover() {
        Map<String, Entry> found = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (ModelSource source :
                ServiceLoader.load(ModelSource.class, Models.class.getClassLoader())) {
            String name = source.getClass().getName();
            String json;
            try (InputStream in = source.openCatalog()) {
                if (in == null) {
                    throw new IllegalStateException(name + " has no model catalogue");
                }
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the model catalogue of " + name + ": " + e.getMessage(), e);
            }
            for (ModelInfo info : ModelCatalog.parse(json, name)) {
                if (found.putIfAbsent(info.name(), new Entry(info, source)) != null) {
                    duplicates.add(info.name());
                }
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException(
                    "two model sources on the class path ship models named " + duplicates);
        }
        return java.util.Collections.unmodifiableMap(found);
    }
}
