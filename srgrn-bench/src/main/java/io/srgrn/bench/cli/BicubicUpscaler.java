package io.srgrn.bench.cli;

import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.data.resize.MatlabBicubic;

/**
 * The Bicubic baseline: MATLAB {@code imresize(..., 'bicubic')} of every plane, clipped to [0, 1].
 */
record BicubicUpscaler(int scale) implements ImageUpscaler {

    @Override
    public String describe() {
        return "Bicubic x" + scale;
    }

    @Override
    public DecodedImage upscale(DecodedImage image) {
        PlanarImage alpha =
                image.alpha() == null ? null : clip(MatlabBicubic.resize(image.alpha(), scale));
        return new DecodedImage(
                clip(MatlabBicubic.resize(image.color(), scale)), alpha, image.bitDepth());
    }

    static PlanarImage clip(PlanarImage image) {
        float[] d = image.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.min(1f, Math.max(0f, d[i]));
        }
        return image;
    }
}
