package io.srgrn.tck.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Concatenation along axis 1 (channels) of tensors that agree on every other axis, and its inverse.
 */
public final class ChannelConcatOp {
    private ChannelConcatOp() {}

    public static DoubleTensor forward(List<DoubleTensor> parts) {
        DoubleTensor first = parts.get(0);
        int batch = first.dim(0);
        int inner = first.size() / (batch * first.dim(1));
        int channels = 0;
        for (DoubleTensor t : parts) {
            if (t.dim(0) != batch || t.size() / (batch * t.dim(1)) != inner) {
                throw new IllegalArgumentException(
                        "concat: "
                                + Arrays.toString(t.shape())
                                + " does not match "
                                + Arrays.toString(first.shape())
                                + " outside axis 1");
            }
            channels += t.dim(1);
        }
        int[] shape = first.shape();
        shape[1] = channels;
        DoubleTensor out = DoubleTensor.zeros(shape);
        int offset = 0;
        for (DoubleTensor t : parts) {
            int block = t.dim(1) * inner;
            for (int n = 0; n < batch; n++) {
                System.arraycopy(
                        t.data(), n * block, out.data(), n * channels * inner + offset, block);
            }
            offset += block;
        }
        return out;
    }

    /**
     * Splits {@code whole} along axis 1 into parts of the given channel counts (the gradient of
     * concat).
     */
    public static List<DoubleTensor> split(DoubleTensor whole, int[] channels) {
        int batch = whole.dim(0);
        int total = whole.dim(1);
        int inner = whole.size() / (batch * total);
        List<DoubleTensor> parts = new ArrayList<>(channels.length);
        int offset = 0;
        for (int c : channels) {
            int[] shape = whole.shape();
            shape[1] = c;
            DoubleTensor part = DoubleTensor.zeros(shape);
            for (int n = 0; n < batch; n++) {
                System.arraycopy(
                        whole.data(),
                        n * total * inner + offset,
                        part.data(),
                        n * c * inner,
                        c * inner);
            }
            parts.add(part);
            offset += c * inner;
        }
        if (offset != total * inner) {
            throw new IllegalArgumentException(
                    "split: channel counts "
                            + Arrays.toString(channels)
                            + " do not add up to "
                            + total);
        }
        return parts;
    }
}
