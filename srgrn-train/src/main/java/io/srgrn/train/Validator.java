package io.srgrn.train;

import io.srgrn.api.ImageTensors;
import io.srgrn.api.Srgrn;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.dataset.SrDataset;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.metrics.EvaluationOptions;
import io.srgrn.metrics.SetScore;
import io.srgrn.metrics.SetScorer;
import java.io.IOException;
import java.util.List;

/**
 * Validation during training: mean PSNR/SSIM of the current weights on a small set (Set5 by
 * default, or images held out of the training folders) under the RDN protocol, with the run's
 * degradation. The pairs are loaded once; each validation only runs the model.
 */
final class Validator {
    private final String name;
    private final List<HrLrPair> pairs;
    private final SetScorer scorer = new SetScorer(EvaluationOptions.defaults());

    private Validator(String name, List<HrLrPair> pairs) {
        this.name = name;
        this.pairs = pairs;
    }

    static Validator load(SrDataset set, Degradation degradation) throws IOException {
        return new Validator(
                set.name(), new PairLoader(degradation, null, false, true).loadAll(set));
    }

    String name() {
        return name;
    }

    int size() {
        return pairs.size();
    }

    SetScore score(Srgrn model) {
        return scorer.score(
                name, pairs, lr -> ImageTensors.toImage(model.upscale(ImageTensors.toTensor(lr))));
    }
}
