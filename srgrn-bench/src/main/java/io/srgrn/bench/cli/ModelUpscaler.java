package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.spark.MemorySettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SRGRN through the facade, which keeps grey images grey and carries alpha across. */
final class ModelUpscaler implements ImageUpscaler {
    private final Srgrn model;
    private final boolean selfEnsemble;
    private final String label;
    private final MemorySettings memory;

    ModelUpscaler(Srgrn model, boolean selfEnsemble, String label, MemorySettings memory) {
        this.model = model;
        this.selfEnsemble = selfEnsemble;
        this.label = label;
        this.memory = memory;
    }

    Srgrn model() {
        return model;
    }

    /**
     * Sets every GRUM/GRRB gamma to 0: the global reasoning branches stop contributing and only the
     * local paths remain (an ablation of a trained model, not of its architecture).
     */
    void switchOffGlobalReasoning() {
        List<String> gammas = new SrgrnSpec(model.config()).gammaNames();
        Map<String, Tensor> params = new LinkedHashMap<>(model.module().parameters());
        params.replaceAll((name, t) -> gammas.contains(name) ? Tensor.zeros(t.shape()) : t);
        model.module().setParameters(params);
    }

    @Override
    public int scale() {
        return model.config().scale();
    }

    @Override
    public String describe() {
        return label
                + (selfEnsemble ? "+" : "")
                + " x"
                + scale()
                + " ("
                + model.backend().name()
                + ", "
                + model.device()
                + (memory.describe().isEmpty() ? "" : ", " + memory.describe())
                + ")";
    }

    @Override
    public DecodedImage upscale(DecodedImage image) {
        return model.upscale(image, selfEnsemble);
    }

    /** Tiles go straight into the quantised image: no float copy of a large output. */
    @Override
    public java.awt.image.BufferedImage upscaleToImage(
            DecodedImage image, io.srgrn.api.TileProgress progress, int bitDepth) {
        return model.upscaleToImage(image, selfEnsemble, progress, bitDepth);
    }

    @Override
    public void close() {
        model.close();
    }
}
