package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.models.ModelInfo;
import io.srgrn.api.models.Models;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.spark.MemorySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A model named on the command line: {@code --weights FILE}; {@code --model NAME} where NAME is
 * {@code bicubic} (the baseline), a shipped model ({@code srgrn models}) or a file {@code
 * NAME.safetensors} in the models folder ({@code srgrn.models} / {@code SRGRN_MODELS}, default
 * {@code ~/.srgrn/models}); nothing, which means the shipped default for the scale; or {@code
 * --untrained}, the seeded random initialisation asked for on purpose.
 */
record ModelRef(String label, Path weights, String shipped, boolean bicubic, boolean untrained) {
    static final String BICUBIC = "bicubic";
    static final String MODELS_PROPERTY = "srgrn.models";
    static final String MODELS_ENV = "SRGRN_MODELS";

    /** The paper's SRGRN with random weights, asked for with --untrained. */
    static final ModelRef UNTRAINED = new ModelRef("SRGRN (untrained)", null, null, false, true);

    static ModelRef ofWeights(Path file) {
        requireWeightsFile("weights file", file);
        return new ModelRef(labelOf(file), file, null, false, false);
    }

    /**
     * A usage error unless {@code file} is an existing regular file; a folder is called a folder
     * (issue 11: it was reported as "does not exist"). {@code what} introduces the path in the
     * message.
     */
    static void requireWeightsFile(String what, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException(what + " " + file + " is a folder, not a .safetensors file");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    what
                            + " "
                            + file
                            + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
    }

    static ModelRef ofName(String name) {
        String n = name.trim();
        if (n.toLowerCase(Locale.ROOT).equals(BICUBIC)) {
            return new ModelRef("Bicubic", null, null, true, false);
        }
        if (Models.find(n).isPresent()) {
            return new ModelRef(n, null, n, false, false);
        }
        Path dir = modelsFolder();
        Path file = dir.resolve(n.endsWith(".safetensors") ? n : n + ".safetensors");
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "unknown model '"
                            + n
                            + "': it is not 'bicubic', not a shipped model ("
                            + shippedNames()
                            + ") and "
                            + file
                            + " does not exist (models folder: "
                            + dir
                            + ", set with -D"
                            + MODELS_PROPERTY
                            + " or "
                            + MODELS_ENV
                            + ")");
        }
        return new ModelRef(n, file, null, false, false);
    }

    /**
     * The shipped default model for {@code scale} (4 when null) and {@code degradation} (BI, BD or
     * DN, any case); a usage error when there is none.
     */
    static ModelRef shippedDefault(Integer scale, String degradation) {
        int s = scale == null ? 4 : scale;
        String d =
                Models.degradationName(degradation)
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "--degradation "
                                                        + degradation
                                                        + ": expected BI, BD or DN"));
        ModelInfo m =
                Models.defaultFor(s, d)
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "no trained "
                                                        + (d.equals("BI") ? "" : d + " ")
                                                        + "x"
                                                        + s
                                                        + " model is shipped with this build ("
                                                        + shippedNames()
                                                        + "): pass --weights FILE or --model NAME, "
                                                        + "or --untrained to run random weights on purpose"));
        return new ModelRef(m.name(), null, m.name(), false, false);
    }

    private static String shippedNames() {
        return "shipped: " + Models.describeAvailable();
    }

    static Path modelsFolder() {
        return Optional.ofNullable(System.getProperty(MODELS_PROPERTY))
                .filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(MODELS_ENV)).filter(s -> !s.isBlank()))
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".srgrn", "models"));
    }

    /**
     * The file name without extension; for the generic names train writes, the run folder's name
     * instead.
     */
    private static String labelOf(Path file) {
        String name = file.getFileName().toString();
        String stem =
                name.endsWith(".safetensors")
                        ? name.substring(0, name.length() - ".safetensors".length())
                        : name;
        Path parent = file.toAbsolutePath().normalize().getParent();
        if ((stem.equals("model") || stem.equals("checkpoint") || stem.equals("best"))
                && parent != null
                && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return stem;
    }

    /** The config of the weights (file or shipped model); empty for Bicubic and untrained. */
    Optional<SrgrnConfig> storedConfig() {
        if (weights != null) {
            return Optional.of(WeightsFile.load(weights).config());
        }
        return shipped == null ? Optional.empty() : Optional.of(Models.load(shipped).config());
    }

    /** The scale of the weights, or empty for the Bicubic baseline and untrained models. */
    Optional<Integer> storedScale() {
        return storedConfig().map(SrgrnConfig::scale);
    }

    /** The parameter count of the weights, or null for Bicubic and untrained models. */
    Long parameters() {
        return storedConfig().map(c -> new SrgrnSpec(c).parameterCount()).orElse(null);
    }

    /** Where the weights come from, for messages: the file or the shipped model's name. */
    String source() {
        return weights != null
                ? weights.toString()
                : shipped != null ? "shipped model " + shipped : label;
    }

    /**
     * Opens the model. {@code scale} may be null for a weights file (its own scale is used); when
     * given it must agree with the file.
     */
    ImageUpscaler open(Integer scale, boolean selfEnsemble, BackendOptionsMixin where) {
        return open(scale, selfEnsemble, MemorySettings.DEFAULT, where);
    }

    /**
     * As {@link #open(Integer, boolean, BackendOptionsMixin)}, with SRGRN's memory bounded as
     * {@code memory} says.
     */
    ImageUpscaler open(
            Integer scale, boolean selfEnsemble, MemorySettings memory, BackendOptionsMixin where) {
        if (bicubic) {
            if (scale == null) {
                throw new UsageException("--model bicubic needs --scale (2, 3 or 4)");
            }
            return new BicubicUpscaler(scale);
        }
        Srgrn.Builder b = Srgrn.builder();
        Optional<Integer> stored = storedScale();
        if (stored.isPresent() && scale != null && !scale.equals(stored.get())) {
            throw new UsageException(
                    "--scale "
                            + scale
                            + " was given but "
                            + source()
                            + " holds an x"
                            + stored.get()
                            + " model");
        }
        if (weights != null) {
            b.weights(weights);
        } else if (shipped != null) {
            b.model(shipped);
        } else {
            b.scale(scale == null ? 4 : scale).untrained();
        }
        return new ModelUpscaler(where.build(memory.applyTo(b)), selfEnsemble, label, memory);
    }
}
