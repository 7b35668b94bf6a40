package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.data.image.DecodedImage;

/** SRGRN through the facade, which keeps grey images grey and carries alpha across. */
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
        return label + (selfEnsemble ? "+" : "") + " x" + scale() + " (" + model.backend().name() + ", " + model.device()
                + (model.tiling() == null ? "" : ", tiles of " + model.tiling().tile() + " LR px + " + model.tiling().overlap()
                        + " overlap") + ")";
    }

    @Override
    public DecodedImage upscale(DecodedImage image) {
        return model.upscale(image, selfEnsemble);
    }

    @Override
    public void close() {
        model.close();
    }
}
