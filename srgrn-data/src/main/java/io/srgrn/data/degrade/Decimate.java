package io.srgrn.data.degrade;

import io.srgrn.data.image.ByteImage;

/** MATLAB's {@code imresize(A, 1/s, 'nearest')} for an integer s: keeps every s-th sample. */
public final class Decimate {

    private Decimate() {}

    /**
     * {@code out[i][j] = in[s*i + s/2][s*j + s/2]} (0-based), which is where MATLAB's nearest
     * kernel lands: position {@code u = s*i + s/2 + 1/2} rounds to that sample.
     */
    public static ByteImage nearest(ByteImage image, int s) {
        int outH = (int) Math.ceil(image.height() / (double) s);
        int outW = (int) Math.ceil(image.width() / (double) s);
        int off = s / 2;
        int h = image.height();
        int w = image.width();
        byte[] src = image.data();
        byte[] out = new byte[image.channels() * outH * outW];
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < outH; i++) {
                int y = Math.min(h - 1, s * i + off);
                for (int j = 0; j < outW; j++) {
                    int x = Math.min(w - 1, s * j + off);
                    out[(c * outH + i) * outW + j] = src[(c * h + y) * w + x];
                }
            }
        }
        return new ByteImage(image.channels(), outH, outW, out);
    }
}
