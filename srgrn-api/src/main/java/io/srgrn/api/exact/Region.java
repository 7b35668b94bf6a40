package io.srgrn.api.exact;

/**
 * A rectangle of feature pixels, rows {@code [y0, y1)} and columns {@code [x0, x1)}, in the
 * coordinates of one feature map (LR for the trunk, r times finer after each GRUM).
 */
record Region(int y0, int y1, int x0, int x1) {

    Region {
        if (y0 < 0 || x0 < 0 || y1 <= y0 || x1 <= x0) {
            throw new IllegalArgumentException(
                    "empty or negative region rows ["
                            + y0
                            + ", "
                            + y1
                            + "), columns ["
                            + x0
                            + ", "
                            + x1
                            + ")");
        }
    }

    int height() {
        return y1 - y0;
    }

    int width() {
        return x1 - x0;
    }

    long pixels() {
        return (long) height() * width();
    }

    /**
     * The input region an operator of upsampling factor {@code factor} and receptive-field radius
     * {@code halo} (in input pixels) needs to compute this output region exactly, clipped to the
     * input's {@code height x width}: at the clipped edges the operator's own zero padding is the
     * image border's, exactly as on the whole image.
     */
    Region source(int factor, int halo, int height, int width) {
        return new Region(
                Math.max(0, Math.floorDiv(y0, factor) - halo),
                Math.min(height, -Math.floorDiv(-y1, factor) + halo),
                Math.max(0, Math.floorDiv(x0, factor) - halo),
                Math.min(width, -Math.floorDiv(-x1, factor) + halo));
    }
}
