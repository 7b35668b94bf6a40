package io.srgrn.api.models;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A shipped model as its catalogue describes it.
 *
 * @param name what it is asked for by ({@code compact-bi-x4})
 * @param scale 2, 3 or 4
 * @param degradation how its training LR images were made: BI, BD or DN
 * @param preset the config preset it was trained with
 * @param parameters its parameter count
 * @param isDefault the model {@code Srgrn.builder().scale(s).build()} loads for its scale
 * @param file its weights file inside the source
 * @param sha256 the weights file's SHA-256, checked on load
 * @param scores measured with {@code srgrn eval} (protocol rdn, Y channel)
 * @param training how it was trained (iterations, data, wall time, ...), as written to its metadata
 */
public record ModelInfo(
        String name,
        int scale,
        String degradation,
        String preset,
        long parameters,
        boolean isDefault,
        String file,
        String sha256,
        List<Score> scores,
        Map<String, String> training) {

    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(degradation, "degradation");
        Objects.requireNonNull(file, "file");
        scores = List.copyOf(scores);
        training = Map.copyOf(training);
    }

    /**
     * One measured cell: mean PSNR (dB) and SSIM over a test set, with or without self-ensemble.
     */
    public record Score(String set, boolean selfEnsemble, double psnr, double ssim) {}

    /**
     * This model with {@code isDefault} changed: a catalogue moves its default without retyping the
     * entry.
     */
    public ModelInfo withDefault(boolean value) {
        return new ModelInfo(
                name,
                scale,
                degradation,
                preset,
                parameters,
                value,
                file,
                sha256,
                scores,
                training);
    }

    /** The score on {@code set}, if measured. */
    public Optional<Score> score(String set, boolean selfEnsemble) {
        return scores.stream()
                .filter(s -> s.set().equals(set) && s.selfEnsemble() == selfEnsemble)
                .findFirst();
    }
}
