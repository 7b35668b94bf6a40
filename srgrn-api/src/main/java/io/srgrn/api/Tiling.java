package io.srgrn.api;

import java.util.Objects;

/**
 * Inference on a large image in tiles, so that memory is bounded by the tile rather than the image.
 * Two modes:
 *
 * <p><b>{@link Mode#EXACT}</b> ({@link #exact(int)}): SRGRN's output, bit for bit up to float
 * rounding, for any tile size. The convolutional parts run per tile with a halo equal to their
 * receptive field; each global reasoning stage (every GRUM and GRRB) first pools its node states
 * over all tiles, then distributes them per tile ({@link io.srgrn.api.exact.ExactTiledForward}). It
 * costs more time than whole-image inference (docs/RESULTS.md); {@code overlap} is 0, the halo is
 * computed from the network.
 *
 * <p><b>{@link Mode#FAST}</b> ({@link #Tiling(int, int)}, {@link #of(int)}): independent tiles. The
 * image is cut into a grid of near-equal cores of at most {@code tile} x {@code tile} LR pixels;
 * each core is run as a whole image with {@code overlap} extra LR pixels of context on every side
 * (less at the image border), and only the core's part of the output is kept. The result is not
 * SRGRN's output: the graph reasoning (GRUM, GRRB) of each tile pools over that tile only, and the
 * receptive field of the convolution trunk (over 120 LR pixels for the paper preset) is wider than
 * any practical overlap. A tile whose context covers the whole image gives exactly the whole-image
 * output. On a briefly trained compact model (docs/RESULTS.md) tiles with 8 or more pixels of
 * overlap scored within 0.0001 dB of whole-image inference and tiles without overlap lost 0.4 to
 * 0.9 dB.
 *
 * @param tile largest core side in LR pixels: at least {@value #MIN_TILE} for FAST, 1 for EXACT
 * @param overlap context in LR pixels added around each FAST core, 0 or more; 0 for EXACT
 * @param mode exact or independent tiles
 */
public record Tiling(int tile, int overlap, Mode mode) {
    /** Smaller independent cores spend more time on their overlap than on themselves. */
    public static final int MIN_TILE = 16;

    /**
     * The default context: twice the smallest overlap that cost nothing measurable in
     * docs/RESULTS.md.
     */
    public static final int DEFAULT_OVERLAP = 16;

    /** How tiles are combined. */
    public enum Mode {
        /**
         * SRGRN's own output: global reasoning pooled over the whole image, convolutions with their
         * full halo.
         */
        EXACT,
        /** Independent tiles with a fixed overlap: fewer passes, but not SRGRN's output. */
        FAST
    }

    public Tiling {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.FAST && tile < MIN_TILE) {
            throw new IllegalArgumentException(
                    "tile must be at least " + MIN_TILE + " LR pixels, got " + tile);
        }
        if (mode == Mode.EXACT && tile < 1) {
            throw new IllegalArgumentException(
                    "exact tiles must be at least 1 LR pixel, got " + tile);
        }
        if (overlap < 0) {
            throw new IllegalArgumentException(
                    "tile overlap must be 0 or more LR pixels, got " + overlap);
        }
        if (mode == Mode.EXACT && overlap != 0) {
            throw new IllegalArgumentException(
                    "exact tiles compute their own halo from the network; the overlap must "
                            + "be 0, got "
                            + overlap);
        }
    }

    /**
     * Independent ({@link Mode#FAST}) tiles of {@code tile} LR pixels with {@code overlap} pixels
     * of context.
     */
    public Tiling(int tile, int overlap) {
        this(tile, overlap, Mode.FAST);
    }

    /** Independent ({@link Mode#FAST}) tiles of {@code tile} LR pixels with the default overlap. */
    public static Tiling of(int tile) {
        return new Tiling(tile, DEFAULT_OVERLAP);
    }

    /** Exact tiles of at most {@code tile} x {@code tile} LR pixels. */
    public static Tiling exact(int tile) {
        return new Tiling(tile, 0, Mode.EXACT);
    }

    /** True when one core covers an h x w input, i.e. tiling changes nothing. */
    public boolean coversWhole(int height, int width) {
        return height <= tile && width <= tile;
    }
}
