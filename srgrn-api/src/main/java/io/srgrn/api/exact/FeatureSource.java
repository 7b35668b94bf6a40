package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * A feature map (B, C, H, W) that can be read one region at a time: the LR image, a stage's output
 * kept in host memory or a temporary file, or a stage computed on demand from the map before it.
 * Exact tiling moves features between its passes only through this interface, so the three ways of
 * keeping them ({@link Retention}) are interchangeable.
 */
interface FeatureSource {
    int batch();

    int channels();

    int height();

    int width();

    /** The (B, C, h, w) values of {@code region}, which lies inside the map. */
    Tensor read(Region region);
}
