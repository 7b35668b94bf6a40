package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/** A feature map filled tile by tile and read back by region; closing it frees what it holds. */
interface FeatureStore extends FeatureSource, AutoCloseable {

    /** Writes the (B, C, h, w) values of {@code region}. */
    void write(Region region, Tensor values);

    @Override
    void close();
}
