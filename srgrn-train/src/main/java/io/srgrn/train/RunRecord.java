package io.srgrn.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run's weights files say about how they were made (their safetensors metadata): the model,
 * the data, the training settings, the machine and commit, and the validation score they reached.
 */
record RunRecord(
        RunSettings settings, String degradation, String trainingData, String validationSet) {

    Map<String, String> provenance(long iteration, double seconds, double psnr, double ssim) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("preset", settings.preset());
        m.put("scale", Integer.toString(settings.scale()));
        m.put("degradation", degradation);
        m.put("trainingData", trainingData);
        m.put("trainedIterations", Long.toString(iteration));
        m.put("trainingSeconds", String.format(Locale.ROOT, "%.0f", seconds));
        m.put(
                "training",
                String.format(
                        Locale.ROOT,
                        "L1, Adam, lr %s halved every %d, batch %d of %dx%d LR patches%s, "
                                + "seed %d, %d threads%s",
                        settings.learningRate(),
                        settings.halveEvery(),
                        settings.batch(),
                        settings.patch(),
                        settings.patch(),
                        settings.augment() ? " (flips/rotations)" : "",
                        settings.seed(),
                        settings.threads(),
                        settings.initFrom() == null
                                ? ""
                                : ", initialised from " + settings.initFrom()));
        m.put("machine", Provenance.machine());
        m.put("gitCommit", Provenance.gitCommit());
        if (validationSet != null && Double.isFinite(psnr)) {
            m.put("validationSet", validationSet);
            m.put("validationPsnr", String.format(Locale.ROOT, "%.4f", psnr));
            m.put("validationSsim", String.format(Locale.ROOT, "%.5f", ssim));
        }
        m.put("seed", Long.toString(settings.seed()));
        return m;
    }
}
