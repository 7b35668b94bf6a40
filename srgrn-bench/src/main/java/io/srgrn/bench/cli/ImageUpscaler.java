package io.srgrn.bench.cli;

import io.srgrn.api.TileProgress;
import io.srgrn.data.image.DecodedImage;

/** Something that upscales a decoded image (colour, grey or with alpha) by a fixed factor. */
interface ImageUpscaler extends AutoCloseable {

    int scale();

    /**
     * What runs, for messages and tables, e.g. {@code SRGRN x4 (djl, cpu)} or {@code Bicubic x4}.
     */
    String describe();

    DecodedImage upscale(DecodedImage image);

    /** As {@link #upscale(DecodedImage)}, telling {@code progress} after each tile, if it tiles. */
    default DecodedImage upscale(DecodedImage image, TileProgress progress) {
        return upscale(image);
    }

    @Override
    default void close() {}
}
