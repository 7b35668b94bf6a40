package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * A stage's output computed on demand from its input: a region is computed from the input region
 * widened by the stage's halo, and the widened part is cut off again. Chained, these recompute
 * every earlier stage for each region read ({@link Retention#RECOMPUTE}); over a stored input they
 * compute one stage.
 */
final class LazySource implements FeatureSource {
    private final FeatureSource input;
    private final LocalStage stage;

    LazySource(FeatureSource input, LocalStage stage) {
        this.input = input;
        this.stage = stage;
    }

    @Override
    public int batch() {
        return input.batch();
    }

    @Override
    public int channels() {
        return stage.outChannels();
    }

    @Override
    public int height() {
        return input.height() * stage.factor();
    }

    @Override
    public int width() {
        return input.width() * stage.factor();
    }

    @Override
    public Tensor read(Region region) {
        int f = stage.factor();
        Region from = region.source(f, stage.halo(), input.height(), input.width());
        Tensor out = stage.apply(input.read(from));
        return Windows.crop(
                out,
                region.y0() - f * from.y0(),
                region.height(),
                region.x0() - f * from.x0(),
                region.width());
    }
}
