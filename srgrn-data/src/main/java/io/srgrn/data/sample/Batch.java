package io.srgrn.data.sample;

import java.util.Objects;

/**
 * A training batch in NCHW layout with values in [0, 1]: {@code size} LR patches of {@code channels
 * x lrHeight x lrWidth} and the aligned HR patches of {@code channels x (scale*lrHeight) x
 * (scale*lrWidth)}.
 */
public record Batch(
        float[] lr, float[] hr, int size, int channels, int lrHeight, int lrWidth, int scale) {

    public Batch {
        Objects.requireNonNull(lr, "lr");
        Objects.requireNonNull(hr, "hr");
        long lrLen = (long) size * channels * lrHeight * lrWidth;
        if (lr.length != lrLen || hr.length != lrLen * scale * scale) {
            throw new IllegalArgumentException(
                    "batch arrays of "
                            + lr.length
                            + " / "
                            + hr.length
                            + " floats do not match "
                            + size
                            + "x"
                            + channels
                            + "x"
                            + lrHeight
                            + "x"
                            + lrWidth
                            + " at scale "
                            + scale);
        }
    }

    public int hrHeight() {
        return lrHeight * scale;
    }

    public int hrWidth() {
        return lrWidth * scale;
    }

    /** NCHW shape of the LR tensor. */
    public long[] lrShape() {
        return new long[] {size, channels, lrHeight, lrWidth};
    }

    /** NCHW shape of the HR tensor. */
    public long[] hrShape() {
        return new long[] {size, channels, hrHeight(), hrWidth()};
    }
}
