package io.srgrn.api.tensor;

/**
 * The 8 dihedral transforms of the last two axes (H, W) of a tensor: {@code k = 0..3} rotate by
 * k*90 degrees counter-clockwise, {@code k = 4..7} flip horizontally first and then rotate by (k-4)*90.
 * Used by self-ensemble (SPEC 8).
 */
public final class Dihedral {
    public static final int COUNT = 8;

    private Dihedral() {}

    /** Applies transform {@code k} to a tensor of rank >= 2. */
    public static Tensor apply(Tensor x, int k) {
        check(k);
        Tensor t = k >= 4 ? flipWidth(x) : x;
        for (int i = 0; i < k % 4; i++) {
            t = rotate90(t);
        }
        return t == x ? x.copy() : t;
    }

    /** Undoes transform {@code k}: {@code invert(apply(x, k), k)} equals {@code x}. */
    public static Tensor invert(Tensor y, int k) {
        check(k);
        Tensor t = y;
        for (int i = 0; i < (4 - k % 4) % 4; i++) {
            t = rotate90(t);
        }
        if (k >= 4) {
            t = flipWidth(t);
        }
        return t == y ? y.copy() : t;
    }

    private static void check(int k) {
        if (k < 0 || k >= COUNT) {
            throw new IllegalArgumentException("dihedral transform index must be 0..7, got " + k);
        }
    }

    /** Counter-clockwise by 90 degrees: out[i][j] = in[j][W-1-i], out is W x H. */
    static Tensor rotate90(Tensor x) {
        int[] s = x.shape();
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        int planes = x.size() / (h * w);
        int[] outShape = s.clone();
        outShape[s.length - 2] = w;
        outShape[s.length - 1] = h;
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int p = 0; p < planes; p++) {
            int base = p * h * w;
            for (int i = 0; i < w; i++) {
                for (int j = 0; j < h; j++) {
                    out[base + i * h + j] = in[base + j * w + (w - 1 - i)];
                }
            }
        }
        return Tensor.of(out, outShape);
    }

    static Tensor flipWidth(Tensor x) {
        int[] s = x.shape();
        int w = s[s.length - 1];
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int row = 0; row < in.length / w; row++) {
            int base = row * w;
            for (int j = 0; j < w; j++) {
                out[base + j] = in[base + w - 1 - j];
            }
        }
        return Tensor.of(out, s);
    }
}
