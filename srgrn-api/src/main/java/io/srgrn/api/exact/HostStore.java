package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * A feature map kept whole on the Java heap: the fastest to read back, and the largest (for x4 the
 * last GRUM's output alone is 16 * G0 floats per LR pixel). Also wraps the LR input.
 */
final class HostStore implements FeatureStore {
    private final Tensor values;

    HostStore(Tensor values) {
        this.values = values;
    }

    static HostStore zeros(int batch, int channels, int height, int width) {
        return new HostStore(Tensor.zeros(batch, channels, height, width));
    }

    /** The whole map (not a copy). */
    Tensor tensor() {
        return values;
    }

    @Override
    public int batch() {
        return values.dim(0);
    }

    @Override
    public int channels() {
        return values.dim(1);
    }

    @Override
    public int height() {
        return values.dim(2);
    }

    @Override
    public int width() {
        return values.dim(3);
    }

    @Override
    public Tensor read(Region r) {
        return Windows.crop(values, r.y0(), r.height(), r.x0(), r.width());
    }

    @Override
    public void write(Region r, Tensor tile) {
        Windows.paste(tile, values, r.y0(), r.x0());
    }

    @Override
    public void close() {
        // heap memory: the garbage collector frees it
    }
}
