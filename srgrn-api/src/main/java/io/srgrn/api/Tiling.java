package io.srgrn.api;

/**
 * Inference on a large image in tiles, so that memory is bounded by the tile rather than the image.
 *
 * <p>The image is cut into a grid of near-equal cores of at most {@code tile} x {@code tile} LR
 * pixels; each core is run with {@code overlap} extra LR pixels of context on every side (less at
 * the image border), and only the core's part of the output is kept. The result is therefore not
 * bit-identical to whole-image inference: SRGRN's graph reasoning (GRUM, GRRB) pools over the whole
 * input it sees, and the receptive field of its convolution trunk (over 120 LR pixels for the paper
 * preset: 123 stacked 3x3 convolutions) is wider than any practical overlap. A tile whose context
 * covers the whole image gives exactly the whole-image output. On a briefly trained compact model
 * (docs/RESULTS.md) tiles with 8 or more pixels of overlap scored within 0.0001 dB of whole-image
 * inference and tiles without overlap lost 0.4 to 0.9 dB; that model's reasoning blend is still
 * weak, so the cost for a fully trained SRGRN is not measured.
 *
 * @param tile    largest core side in LR pixels, at least {@value #MIN_TILE}
 * @param overlap context in LR pixels added around each core, 0 or more
 */
public record Tiling(int tile, int overlap) {
    /** Smaller cores spend more time on their overlap than on themselves. */
    public static final int MIN_TILE = 16;

    /** The default context: twice the smallest overlap that cost nothing measurable in docs/RESULTS.md. */
    public static final int DEFAULT_OVERLAP = 16;

    public Tiling {
        if (tile < MIN_TILE) {
            throw new IllegalArgumentException("tile must be at least " + MIN_TILE + " LR pixels, got " + tile);
        }
        if (overlap < 0) {
            throw new IllegalArgumentException("tile overlap must be 0 or more LR pixels, got " + overlap);
        }
    }

    /** Tiles of {@code tile} LR pixels with the default overlap. */
    public static Tiling of(int tile) {
        return new Tiling(tile, DEFAULT_OVERLAP);
    }

    /** True when one core covers an h x w input, i.e. tiling changes nothing. */
    public boolean coversWhole(int height, int width) {
        return height <= tile && width <= tile;
    }
}
