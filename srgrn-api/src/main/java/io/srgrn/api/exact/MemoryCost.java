package io.srgrn.api.exact;

import io.srgrn.api.config.SrgrnConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What SRGRN's forward pass holds in memory per LR pixel, stage by stage, and the exact tile side
 * that fits a budget. The figures are the float32 tensors each stage of a forward pass without
 * autograd keeps alive at its peak, counted from the network's shape:
 *
 * <ul>
 *   <li>trunk: the input, {@code f1}, the D block outputs kept for the global fusion and their
 *       concatenation (2 * D * G0), one block's dense concatenation (G0 + C * G) and a conv output;
 *   <li>GRUM at input scale s (s = 1, then 2 for x4): per input pixel its input, four
 *       r*r*G0-channel tensors (subpixel, reasoning mix, blend, shuffle), the N node logits and
 *       weights, and the fused output: s^2 * (G0 + 5 r^2 G0 + 2N) floats per LR pixel;
 *   <li>GRRB at the output scale S: input, mix, sum, tail.0 (4 G0), the node weights (2N) and the
 *       image: S^2 * (4 G0 + 2N + out).
 * </ul>
 *
 * Stages run one after another, so whole-image inference peaks at the largest stage. Checked
 * against a measurement on the DJL backend (docs/RESULTS.md: the paper x4 model on a 481x321 image
 * peaks at 3.69 GB resident, of which about 1 GB is the JVM, libtorch and the model; this count
 * gives 3.4 GB for the rest), it errs on the safe side.
 *
 * <p>An exact tile also holds host copies on the Java heap: the exact pieces hand each stage's
 * window to the host, where the node states, blends and pixel shuffles are computed ({@link
 * ExactTiledForward}). A GRUM tile holds its window, the subpixel output (blended in place), the
 * node weights, the shuffle and the fused output: s^2 * (G0 + 3 r^2 G0 + N) floats per LR pixel; a
 * GRRB tile its window, the node weights, the blended sum, tail.0 and the image: S^2 * (3 G0 + N +
 * out); both also a double per pixel for the mix. The trunk keeps only its input and output windows
 * on the heap.
 *
 * <p>What the process really spends on a tile is more than the arrays: the heap holds dead tile
 * arrays until its next full collection and the native allocator keeps part of what libtorch frees.
 * Measured at two image sizes (1000x1000 and 2000x2000 at x4, serial collector), the heap committed
 * 1.46 and 1.51 times the counted host copies, and with the about 0.35 GB the process holds before
 * any tile (JVM, libtorch, model) and the images taken off its peak, a tile cost it 1.4 to 1.5
 * times the count: {@link #tileBytes} scales the count by {@link #TILE_OVERHEAD}.
 *
 * <p>An exact tile runs each stage on a window widened by a halo: for the trunk its receptive field
 * plus two pixels for each later stage (a recomputed tile carries the later halos down), for a GRUM
 * or GRRB two pixels per stage from it on; a window never exceeds the image. A tile's working set
 * is the largest stage's cost (tensors plus host copies) over its window, so a deep trunk (the
 * paper's halo is 129 LR pixels) makes small tiles cost far more than their area.
 *
 * @param stages each stage's live floats per LR pixel (batch 1), its host copies in exact tiles and
 *     its halo in LR pixels, trunk first
 */
public record MemoryCost(List<Stage> stages) {
    /** {@link #tileFor}: the whole image fits. */
    public static final int WHOLE = 0;

    /** {@link #tileFor}: nothing fits. */
    public static final int NONE = -1;

    /**
     * What a process spends on an exact tile per byte of its counted tensors and host copies: the
     * heap's and the native allocator's slack, measured (docs/RESULTS.md, "After: output straight
     * into the 8-bit image").
     */
    public static final double TILE_OVERHEAD = 1.5;

    /**
     * One stage: live floats per LR pixel in the backend's tensors, the floats an exact tile of it
     * holds on the Java heap as well, and the halo its window adds on each side, in LR pixels.
     */
    public record Stage(long floatsPerLrPixel, long hostFloatsPerLrPixel, int haloLr) {}

    public MemoryCost {
        stages = List.copyOf(stages);
    }

    public static MemoryCost of(SrgrnConfig config) {
        long g0 = config.g0();
        long n = config.n();
        int[] factors = config.upsampleFactors();
        int later = factors.length + 1; // GRUMs and GRRB after the trunk
        List<Stage> stages = new ArrayList<>();
        long trunk =
                config.inChannels()
                        + g0 * (2L * config.d() + 3)
                        + g0
                        + (long) config.c() * config.g()
                        + config.g();
        stages.add(
                new Stage(
                        trunk,
                        config.inChannels() + g0,
                        ExactTiledForward.trunkHalo(config) + 2 * later));
        long s = 1;
        for (int k = 0; k < factors.length; k++) {
            int r = factors[k];
            long grum = s * s * (g0 + 5L * r * r * g0 + 2 * n);
            long grumHost = s * s * (g0 + 3L * r * r * g0 + n + 2);
            stages.add(new Stage(grum, grumHost, 2 * (later - k)));
            s *= r;
        }
        long grrb = s * s * (4 * g0 + 2 * n + config.outChannels());
        long grrbHost = s * s * (3 * g0 + n + config.outChannels() + 2);
        stages.add(new Stage(grrb, grrbHost, 2));
        return new MemoryCost(stages);
    }

    /** The largest stage's live floats per LR pixel: what whole-image inference peaks at. */
    public long floatsPerLrPixel() {
        return stages.stream().mapToLong(Stage::floatsPerLrPixel).max().orElseThrow();
    }

    /** The trunk's halo, the widest. */
    public int haloLr() {
        return stages.get(0).haloLr();
    }

    /** Bytes per LR pixel of one image in whole-image inference. */
    public long bytesPerLrPixel() {
        return floatsPerLrPixel() * Float.BYTES;
    }

    /**
     * Working memory of whole-image inference on {@code batch} images of {@code height x width} LR
     * pixels.
     */
    public long wholeImageBytes(int batch, int height, int width) {
        return bytesPerLrPixel() * batch * height * width;
    }

    /**
     * Working memory of one exact tile of {@code tile x tile} LR pixels, each stage on its window,
     * in such an image: its tensors and their host copies, times {@link #TILE_OVERHEAD}.
     */
    public long tileBytes(int batch, int tile, int height, int width) {
        long peak = 0;
        for (Stage st : stages) {
            long h = Math.min(height, tile + 2L * st.haloLr());
            long w = Math.min(width, tile + 2L * st.haloLr());
            long floats = st.floatsPerLrPixel() + st.hostFloatsPerLrPixel();
            peak = Math.max(peak, floats * Float.BYTES * batch * h * w);
        }
        return (long) Math.ceil(peak * TILE_OVERHEAD);
    }

    /**
     * How to run {@code batch} images of {@code height x width} LR pixels in {@code bytes} of
     * working memory: {@link #WHOLE} when whole-image inference fits, else the largest exact tile
     * side that does, or {@link #NONE} when not even a one-pixel tile fits.
     */
    public int tileFor(int batch, int height, int width, long bytes) {
        if (wholeImageBytes(batch, height, width) <= bytes) {
            return WHOLE;
        }
        int tile = largestTile(batch, height, width, bytes);
        return tile < 1 ? NONE : tile;
    }

    /**
     * The largest exact tile side whose working memory fits {@code budget} bytes; 0 when not even
     * one pixel does.
     */
    public int largestTile(int batch, int height, int width, long budget) {
        if (tileBytes(batch, 1, height, width) > budget) {
            return 0;
        }
        int lo = 1; // fits
        int hi = Math.max(height, width); // a tile this large is the whole image
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (tileBytes(batch, mid, height, width) <= budget) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
