package io.srgrn.api;

import io.srgrn.api.tensor.Tensor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an upscaling function tile by tile (see {@link Tiling}) and stitches the cores' outputs. */
final class TiledForward {
    private static final Logger LOG = LoggerFactory.getLogger(TiledForward.class);

    private TiledForward() {}

    /** One axis cut into {@code count} near-equal cores: core i spans [start(i), start(i + 1)). */
    record Cuts(int length, int count) {
        static Cuts of(int length, int tile) {
            return new Cuts(length, (length + tile - 1) / tile);
        }

        int start(int i) {
            return (int) ((long) length * i / count);
        }
    }

    /**
     * @param lr (B, C, h, w)
     * @param scale output pixels per input pixel along each axis
     * @param forward the whole-image upscaling of one tile: (B, C, th, tw) -> (B, C', s*th, s*tw)
     * @param progress told after each tile
     */
    static Tensor run(
            Tensor lr,
            int scale,
            Tiling tiling,
            UnaryOperator<Tensor> forward,
            TileProgress progress) {
        Tensor[] out = new Tensor[1];
        eachTile(
                lr,
                scale,
                tiling,
                forward,
                progress,
                (y, core, y0, x0) -> {
                    if (out[0] == null) {
                        out[0] =
                                Tensor.zeros(
                                        lr.dim(0), y.dim(1), scale * lr.dim(2), scale * lr.dim(3));
                    }
                    paste(y, core.y0(), core.x0(), core.rows(), core.cols(), out[0], y0, x0);
                });
        return out[0];
    }

    /**
     * As {@link #run}, handing each tile's core output to {@code cores} as soon as it is computed,
     * in row-major order: the cores do not overlap and together cover the output once, so they can
     * go straight into an image and the whole output is never held.
     */
    static void stream(
            Tensor lr,
            int scale,
            Tiling tiling,
            UnaryOperator<Tensor> forward,
            TileProgress progress,
            OutputTiles cores) {
        eachTile(
                lr,
                scale,
                tiling,
                forward,
                progress,
                (y, core, y0, x0) -> {
                    boolean whole = core.rows() == y.dim(2) && core.cols() == y.dim(3);
                    Tensor c =
                            whole ? y : Tensor.zeros(y.dim(0), y.dim(1), core.rows(), core.cols());
                    if (!whole) {
                        paste(y, core.y0(), core.x0(), core.rows(), core.cols(), c, 0, 0);
                    }
                    cores.accept(y0, x0, c);
                });
    }

    /** Where a tile's core lies in its output: rows x cols from (y0, x0). */
    private record Window(int y0, int x0, int rows, int cols) {}

    /** One tile's output, the window of it that is its core, and where that core goes. */
    @FunctionalInterface
    private interface TileOutput {
        void accept(Tensor output, Window core, int outY0, int outX0);
    }

    private static void eachTile(
            Tensor lr,
            int scale,
            Tiling tiling,
            UnaryOperator<Tensor> forward,
            TileProgress progress,
            TileOutput sink) {
        int h = lr.dim(2);
        int w = lr.dim(3);
        Cuts rows = Cuts.of(h, tiling.tile());
        Cuts cols = Cuts.of(w, tiling.tile());
        int done = 0;
        for (int ty = 0; ty < rows.count(); ty++) {
            int y0 = rows.start(ty);
            int y1 = rows.start(ty + 1);
            int iy0 = Math.max(0, y0 - tiling.overlap());
            int iy1 = Math.min(h, y1 + tiling.overlap());
            for (int tx = 0; tx < cols.count(); tx++) {
                int x0 = cols.start(tx);
                int x1 = cols.start(tx + 1);
                int ix0 = Math.max(0, x0 - tiling.overlap());
                int ix1 = Math.min(w, x1 + tiling.overlap());
                Tensor y = forward.apply(crop(lr, iy0, iy1, ix0, ix1));
                if (y.dim(2) != scale * (iy1 - iy0) || y.dim(3) != scale * (ix1 - ix0)) {
                    throw new IllegalStateException(
                            "a "
                                    + (iy1 - iy0)
                                    + "x"
                                    + (ix1 - ix0)
                                    + " tile gave a "
                                    + y.dim(2)
                                    + "x"
                                    + y.dim(3)
                                    + " output, expected x"
                                    + scale);
                }
                Window core =
                        new Window(
                                scale * (y0 - iy0),
                                scale * (x0 - ix0),
                                scale * (y1 - y0),
                                scale * (x1 - x0));
                sink.accept(y, core, scale * y0, scale * x0);
                LOG.debug("tile {}/{} done", ++done, rows.count() * cols.count());
                progress.update(done, (long) rows.count() * cols.count());
            }
        }
    }

    private static Tensor crop(Tensor t, int y0, int y1, int x0, int x1) {
        int b = t.dim(0);
        int c = t.dim(1);
        int h = t.dim(2);
        int w = t.dim(3);
        int ch = y1 - y0;
        int cw = x1 - x0;
        float[] src = t.data();
        float[] dst = new float[b * c * ch * cw];
        for (int p = 0; p < b * c; p++) {
            for (int y = 0; y < ch; y++) {
                System.arraycopy(src, (p * h + y0 + y) * w + x0, dst, (p * ch + y) * cw, cw);
            }
        }
        return Tensor.of(dst, b, c, ch, cw);
    }

    /**
     * Copies the (rows x cols) window at (sy, sx) of {@code src} to (dy, dx) of {@code dst}, every
     * plane.
     */
    private static void paste(
            Tensor src, int sy, int sx, int rows, int cols, Tensor dst, int dy, int dx) {
        int planes = src.dim(0) * src.dim(1);
        int sh = src.dim(2);
        int sw = src.dim(3);
        int dh = dst.dim(2);
        int dw = dst.dim(3);
        float[] s = src.data();
        float[] d = dst.data();
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < rows; y++) {
                System.arraycopy(
                        s, (p * sh + sy + y) * sw + sx, d, (p * dh + dy + y) * dw + dx, cols);
            }
        }
    }
}
