package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/** Cropping and pasting rectangular windows of (B, C, H, W) tensors on the heap. */
final class Windows {
    private Windows() {}

    /** Rows {@code [y0, y0 + h)}, columns {@code [x0, x0 + w)} of every plane of {@code t}. */
    static Tensor crop(Tensor t, int y0, int h, int x0, int w) {
        int planes = t.dim(0) * t.dim(1);
        int th = t.dim(2);
        int tw = t.dim(3);
        if (y0 == 0 && x0 == 0 && h == th && w == tw) {
            return t;
        }
        float[] src = t.data();
        float[] dst = new float[planes * h * w];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (p * th + y0 + y) * tw + x0, dst, (p * h + y) * w, w);
            }
        }
        return Tensor.of(dst, t.dim(0), t.dim(1), h, w);
    }

    /**
     * Copies every plane of {@code src} to rows from {@code y0} and columns from {@code x0} of
     * {@code dst}.
     */
    static void paste(Tensor src, Tensor dst, int y0, int x0) {
        int planes = src.dim(0) * src.dim(1);
        int h = src.dim(2);
        int w = src.dim(3);
        int dh = dst.dim(2);
        int dw = dst.dim(3);
        float[] s = src.data();
        float[] d = dst.data();
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(s, (p * h + y) * w, d, (p * dh + y0 + y) * dw + x0, w);
            }
        }
    }
}
