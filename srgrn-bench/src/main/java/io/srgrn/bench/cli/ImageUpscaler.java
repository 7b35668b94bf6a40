package io.srgrn.bench.cli;

import io.srgrn.api.TileProgress;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.awt.image.BufferedImage;

/** Something that upscales a decoded image (colour, grey or with alpha) by a fixed factor. */
interface ImageUpscaler extends AutoCloseable {

    int scale();

    /**
     * What runs, for messages and tables, e.g. {@code SRGRN x4 (djl, cpu)} or {@code Bicubic x4}.
     */
    String describe();

    DecodedImage upscale(DecodedImage image);

    /**
     * As {@link #upscale(DecodedImage)}, quantised to {@code bitDepth} bits for writing ({@link
     * ImageFiles#write(java.nio.file.Path, BufferedImage)}), telling {@code progress} after each
     * tile, if it tiles.
     */
    default BufferedImage upscaleToImage(DecodedImage image, TileProgress progress, int bitDepth) {
        return ImageFiles.toBufferedImage(upscale(image).withBitDepth(bitDepth));
    }

    @Override
    default void close() {}
}
