package io.srgrn.tck.reference;

/**
 * Pixel shuffle in SPEC's order (PyTorch / ESPCN): {@code out[b, c, h*r + i, w*r + j] = in[b, c*r*r
 * + i*r + j, h, w]}; (B, C*r*r, H, W) to (B, C, rH, rW).
 *
 * <p>Not final on purpose: the kit's own tests subclass it to build a deliberately wrong backend
 * and show that the kit catches it. The reference always uses {@link #SPEC}.
 */
public class PixelShuffle {
    /** The order SPEC section 3 prescribes. */
    public static final PixelShuffle SPEC = new PixelShuffle();

    protected PixelShuffle() {}

    /** The input channel that feeds sub-pixel (i, j) of output channel {@code c}. */
    protected int sourceChannel(int c, int i, int j, int r) {
        return c * r * r + i * r + j;
    }

    public final DoubleTensor forward(DoubleTensor in, int r) {
        int batch = in.dim(0), cr = in.dim(1), h = in.dim(2), w = in.dim(3);
        if (cr % (r * r) != 0) {
            throw new IllegalArgumentException(
                    "pixel shuffle by "
                            + r
                            + " needs channels divisible by "
                            + r * r
                            + ", got "
                            + cr);
        }
        int c = cr / (r * r);
        DoubleTensor out = DoubleTensor.zeros(batch, c, h * r, w * r);
        move(in.data(), out.data(), batch, c, h, w, r, true);
        return out;
    }

    /**
     * The gradient of {@link #forward}: every output element came from exactly one input element.
     */
    public final DoubleTensor backward(DoubleTensor upstream, int r) {
        int batch = upstream.dim(0),
                c = upstream.dim(1),
                h = upstream.dim(2) / r,
                w = upstream.dim(3) / r;
        DoubleTensor grad = DoubleTensor.zeros(batch, c * r * r, h, w);
        move(grad.data(), upstream.data(), batch, c, h, w, r, false);
        return grad;
    }

    private void move(
            double[] small,
            double[] large,
            int batch,
            int c,
            int h,
            int w,
            int r,
            boolean toLarge) {
        int cr = c * r * r;
        for (int n = 0; n < batch; n++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        int src = sourceChannel(ch, i, j, r);
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                int s = ((n * cr + src) * h + y) * w + x;
                                int l = ((n * c + ch) * h * r + y * r + i) * w * r + x * r + j;
                                if (toLarge) {
                                    large[l] = small[s];
                                } else {
                                    small[s] = large[l];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
