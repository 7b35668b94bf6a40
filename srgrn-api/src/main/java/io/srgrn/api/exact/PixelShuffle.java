package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * SPEC's pixel shuffle on the host: {@code out[b, c, h*r + i, w*r + j] = x[b, c*r*r + i*r + j, h,
 * w]}.
 */
final class PixelShuffle {
    private PixelShuffle() {}

    static Tensor apply(Tensor x, int r) {
        int batch = x.dim(0);
        int c = x.dim(1) / (r * r);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = h * r;
        int ow = w * r;
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int b = 0; b < batch; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < r; j++) {
                        int src = ((b * c + ch) * r * r + i * r + j) * h * w;
                        for (int y = 0; y < h; y++) {
                            int dst = ((b * c + ch) * oh + y * r + i) * ow + j;
                            for (int xx = 0; xx < w; xx++) {
                                out[dst + xx * r] = in[src + y * w + xx];
                            }
                        }
                    }
                }
            }
        }
        return Tensor.of(out, batch, c, oh, ow);
    }
}
