package io.srgrn.bench.cli;

import io.srgrn.api.ImageTensors;
import io.srgrn.api.Srgrn;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.dataset.SrDataset;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.metrics.EvaluationOptions;
import io.srgrn.metrics.Evaluator;
import io.srgrn.metrics.ImageScore;
import io.srgrn.metrics.SetScore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation during training: mean PSNR/SSIM of the current weights on a small set (Set5 by
 * default) under the RDN protocol, with the run's degradation.
 */
final class Validator {
    private final String name;
    private final List<HrLrPair> pairs;
    private final Evaluator evaluator = new Evaluator(EvaluationOptions.defaults());

    private Validator(String name, List<HrLrPair> pairs) {
        this.name = name;
        this.pairs = pairs;
    }

    static Validator load(SrDataset set, Degradation degradation) throws IOException {
        return new Validator(set.name(), new PairLoader(degradation, null, false, true).loadAll(set));
    }

    String name() {
        return name;
    }

    int size() {
        return pairs.size();
    }

    SetScore score(Srgrn model) {
        List<ImageScore> scores = new ArrayList<>();
        for (HrLrPair p : pairs) {
            PlanarImage sr = ImageTensors.toImage(model.upscale(ImageTensors.toTensor(p.lr().toPlanar())));
            scores.add(evaluator.score(p.id(), p.hr(), ByteImage.quantize(sr), p.scale()));
        }
        return new SetScore(name, scores);
    }
}
