package io.srgrn.api;

import io.srgrn.api.tensor.Tensor;

/**
 * Receives a tiled forward's output a tile at a time, in row-major tile order, instead of the whole
 * output at once: what lets a caller write an image larger than its float output could be held.
 * Both tilings deliver through it, exact ({@code ExactTiledForward}) and fast ({@link
 * TiledForward}); the tiles do not overlap and together cover the output once.
 */
@FunctionalInterface
public interface OutputTiles {
    /**
     * @param y0 the tile's first output row
     * @param x0 its first output column
     * @param tile its (B, out, h, w) values, not clamped
     */
    void accept(int y0, int x0, Tensor tile);
}
