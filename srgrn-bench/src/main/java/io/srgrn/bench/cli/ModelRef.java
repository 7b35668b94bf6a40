package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.weights.WeightsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A model named on the command line: {@code --weights FILE}, or {@code --model NAME} where NAME is
 * {@code bicubic} (the baseline) or a file {@code NAME.safetensors} in the models folder
 * ({@code srgrn.models} / {@code SRGRN_MODELS}, default {@code ~/.srgrn/models}).
 */
record ModelRef(String label, Path weights, boolean bicubic) {
    /** No model named: the paper's SRGRN with random weights (the facade warns that it is untrained). */
    static final ModelRef UNTRAINED = new ModelRef("SRGRN (untrained)", null, false);

    static final String BICUBIC = "bicubic";
    static final String MODELS_PROPERTY = "srgrn.models";
    static final String MODELS_ENV = "SRGRN_MODELS";

    static ModelRef ofWeights(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("weights file " + file + " does not exist");
        }
        return new ModelRef(labelOf(file), file, false);
    }

    static ModelRef ofName(String name) {
        String n = name.trim();
        if (n.toLowerCase(Locale.ROOT).equals(BICUBIC)) {
            return new ModelRef("Bicubic", null, true);
        }
        Path dir = modelsFolder();
        Path file = dir.resolve(n.endsWith(".safetensors") ? n : n + ".safetensors");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("unknown model '" + n + "': it is not 'bicubic' and " + file
                    + " does not exist (models folder: " + dir + ", set with -D" + MODELS_PROPERTY + " or " + MODELS_ENV + ")");
        }
        return new ModelRef(n, file, false);
    }

    static Path modelsFolder() {
        return Optional.ofNullable(System.getProperty(MODELS_PROPERTY)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(MODELS_ENV)).filter(s -> !s.isBlank()))
                .map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".srgrn", "models"));
    }

    /** The file name without extension; for the generic names train writes, the run folder's name instead. */
    private static String labelOf(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        Path parent = file.toAbsolutePath().normalize().getParent();
        if ((stem.equals("model") || stem.equals("checkpoint")) && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return stem;
    }

    /** The scale stored in the weights file, or empty for the Bicubic baseline. */
    Optional<Integer> storedScale() {
        return weights == null ? Optional.empty() : Optional.of(WeightsFile.load(weights).config().scale());
    }

    /**
     * Opens the model. {@code scale} may be null for a weights file (its own scale is used); when
     * given it must agree with the file.
     */
    ImageUpscaler open(Integer scale, boolean selfEnsemble, BackendOptionsMixin where) {
        return open(scale, selfEnsemble, null, where);
    }

    /** As {@link #open(Integer, boolean, BackendOptionsMixin)}, SRGRN in tiles (null: whole images). */
    ImageUpscaler open(Integer scale, boolean selfEnsemble, Tiling tiling, BackendOptionsMixin where) {
        if (bicubic) {
            if (scale == null) {
                throw new UsageException("--model bicubic needs --scale (2, 3 or 4)");
            }
            return new BicubicUpscaler(scale);
        }
        Srgrn.Builder b = Srgrn.builder();
        if (weights != null) {
            int stored = storedScale().orElseThrow();
            if (scale != null && scale != stored) {
                throw new UsageException("--scale " + scale + " was given but " + weights + " holds an x" + stored + " model");
            }
            b.weights(weights);
        } else {
            b.scale(scale == null ? 4 : scale);
        }
        return new ModelUpscaler(where.build(b.tiling(tiling)), selfEnsemble, label);
    }
}
