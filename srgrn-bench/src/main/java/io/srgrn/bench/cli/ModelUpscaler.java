package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.data.resize.MatlabBicubic;

/** SRGRN through the facade; grey images stay grey and alpha is carried across. */
final class ModelUpscaler implements ImageUpscaler {
    private final Srgrn model;
    private final boolean selfEnsemble;
    private final String label;

    ModelUpscaler(Srgrn model, boolean selfEnsemble, String label) {
        this.model = model;
        this.selfEnsemble = selfEnsemble;
        this.label = label;
    }

    Srgrn model() {
        return model;
    }

    @Override
    public int scale() {
        return model.config().scale();
    }

    @Override
    public String describe() {
        return label + (selfEnsemble ? "+" : "") + " x" + scale() + " (" + model.backend().name() + ", " + model.device() + ")";
    }

    @Override
    public DecodedImage upscale(DecodedImage image) {
        // TODO(main): replace by model.upscale(image, selfEnsemble) once the facade has it.
        PlanarImage color = image.color();
        boolean grey = color.channels() == 1 && model.config().inChannels() == 3;
        PlanarImage rgb = grey ? color.replicate(3) : color;
        Tensor lr = Tensor.of(rgb.data().clone(), 1, rgb.channels(), rgb.height(), rgb.width());
        Tensor sr = model.upscale(lr, selfEnsemble);
        int h = sr.dim(2);
        int w = sr.dim(3);
        PlanarImage out = new PlanarImage(sr.dim(1), h, w, sr.data());
        if (grey) {
            float[] g = new float[h * w];
            float[] d = out.data();
            for (int i = 0; i < g.length; i++) {
                g[i] = (d[i] + d[i + g.length] + d[i + 2 * g.length]) / 3f;
            }
            out = new PlanarImage(1, h, w, g);
        }
        PlanarImage alpha = image.alpha() == null ? null
                : BicubicUpscaler.clip(MatlabBicubic.resize(image.alpha(), scale()));
        return new DecodedImage(out, alpha, image.bitDepth());
    }

    @Override
    public void close() {
        model.close();
    }
}
