package io.srgrn.metrics;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Scores an SR method on a set of HR/LR pairs: each LR image is upscaled, quantised to 8 bits and
 * scored against its HR image by an {@link Evaluator}, which applies the protocol's rules (Y
 * channel, grey handling, {@code scale} pixels shaved from each border). What {@code srgrn eval}
 * prints for a model and what a training run validates on, callable from Java.
 *
 * <p>The pairs come from {@link io.srgrn.data.dataset.PairLoader} (HR mod-cropped to the scale);
 * the set's mean scores are {@link SetScore#meanPsnr()} and {@link SetScore#meanSsim()}.
 */
public final class SetScorer {
    private final Evaluator evaluator;

    public SetScorer(EvaluationOptions options) {
        this.evaluator = new Evaluator(options);
    }

    public EvaluationOptions options() {
        return evaluator.options();
    }

    /** The set's scores, image by image in the pairs' order. */
    public SetScore score(String setName, List<HrLrPair> pairs, SuperResolver method) {
        return score(setName, pairs, method, scored -> {});
    }

    /**
     * As {@link #score(String, List, SuperResolver)}, telling {@code onEach} about each image as
     * soon as it is scored (progress, or keeping an output for a figure).
     */
    public SetScore score(
            String setName,
            List<HrLrPair> pairs,
            SuperResolver method,
            Consumer<ScoredImage> onEach) {
        Objects.requireNonNull(method, "method");
        List<ImageScore> scores = new ArrayList<>(pairs.size());
        for (HrLrPair pair : pairs) {
            ScoredImage scored = scoreImage(pair, method);
            scores.add(scored.score());
            onEach.accept(scored);
        }
        return new SetScore(setName, scores);
    }

    /** One pair: the method's output and its score. */
    public ScoredImage scoreImage(HrLrPair pair, SuperResolver method) {
        PlanarImage sr = method.upscale(pair.lr().toPlanar());
        return new ScoredImage(
                pair,
                sr,
                evaluator.score(pair.id(), pair.hr(), ByteImage.quantize(sr), pair.scale()));
    }
}
