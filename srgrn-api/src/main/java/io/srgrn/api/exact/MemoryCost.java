package io.srgrn.api.exact;

import io.srgrn.api.config.SrgrnConfig;

/**
 * What SRGRN's forward pass holds in memory per LR pixel, stage by stage, and the tile side that
 * fits a budget. The figures are the float32 tensors each stage of a forward pass without autograd
 * keeps alive at its peak, counted from the network's shape:
 * <ul>
 *   <li>trunk: the input, {@code f1}, the D block outputs kept for the global fusion and their
 *       concatenation (2 * D * G0), one block's dense concatenation (G0 + C * G) and a conv output;</li>
 *   <li>GRUM at input scale s (s = 1, then 2 for x4): per input pixel its input, four r*r*G0-channel
 *       tensors (subpixel, reasoning mix, blend, shuffle), the N node logits and weights, and the
 *       fused output: s^2 * (G0 + 5 r^2 G0 + 2N) floats per LR pixel;</li>
 *   <li>GRRB at the output scale S: input, mix, sum, tail.0 (4 G0), the node weights (2N) and the
 *       image: S^2 * (4 G0 + 2N + out).</li>
 * </ul>
 * Stages run one after another, so the peak is the largest stage. Checked against measurements on
 * the DJL backend (docs/RESULTS.md: the paper x4 model on a 481x321 image peaks at 3.69 GB resident,
 * of which about 1 GB is the JVM, libtorch and the model; this count gives 3.4 GB for the rest), it
 * errs on the safe side. An exact tile also carries its halo: the trunk's receptive field plus two
 * pixels per later stage, counted on every side.
 *
 * @param floatsPerLrPixel the largest stage's live floats per LR pixel (batch 1)
 * @param haloLr           LR pixels of context an exact tile adds on each side
 */
public record MemoryCost(long floatsPerLrPixel, int haloLr) {

    public static MemoryCost of(SrgrnConfig config) {
        long g0 = config.g0();
        long n = config.n();
        long peak = config.inChannels() + g0 * (2L * config.d() + 3) + g0 + (long) config.c() * config.g()
                + config.g();
        long s = 1;
        for (int r : config.upsampleFactors()) {
            peak = Math.max(peak, s * s * (g0 + 5L * r * r * g0 + 2 * n));
            s *= r;
        }
        peak = Math.max(peak, s * s * (4 * g0 + 2 * n + config.outChannels()));
        int halo = ExactTiledForward.trunkHalo(config) + 2 * (config.upsampleFactors().length + 1);
        return new MemoryCost(peak, halo);
    }

    /** Bytes per LR pixel of one image. */
    public long bytesPerLrPixel() {
        return floatsPerLrPixel * Float.BYTES;
    }

    /** Working memory of whole-image inference on {@code batch} images of {@code height x width} LR pixels. */
    public long wholeImageBytes(int batch, int height, int width) {
        return bytesPerLrPixel() * batch * height * width;
    }

    /** Working memory of one exact tile of {@code tile x tile} LR pixels with its halo. */
    public long tileBytes(int batch, int tile) {
        long side = tile + 2L * haloLr;
        return bytesPerLrPixel() * batch * side * side;
    }

    /**
     * How to run {@code batch} images of {@code height x width} LR pixels in {@code bytes} of working
     * memory: {@link #WHOLE} when whole-image inference fits, else the largest exact tile side that
     * does, or {@link #NONE} when not even a one-pixel tile (with its halo) fits.
     */
    public int tileFor(int batch, int height, int width, long bytes) {
        if (wholeImageBytes(batch, height, width) <= bytes) {
            return WHOLE;
        }
        int tile = largestTile(batch, bytes);
        return tile < 1 ? NONE : tile;
    }

    /** {@link #tileFor}: the whole image fits. */
    public static final int WHOLE = 0;
    /** {@link #tileFor}: nothing fits. */
    public static final int NONE = -1;

    /** The largest exact tile side whose working memory fits {@code budget} bytes; 0 when not even one pixel does. */
    public int largestTile(int batch, long budget) {
        if (tileBytes(batch, 1) > budget) {
            return 0;
        }
        long side = (long) Math.floor(Math.sqrt((double) budget / ((double) bytesPerLrPixel() * batch)));
        int tile = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(1, side - 2L * haloLr));
        while (tile > 1 && tileBytes(batch, tile) > budget) {
            tile--;
        }
        return tile;
    }
}
