package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;

/**
 * The tensor operations SRGRN needs, on DJL's PyTorch engine. Every result is attached to the
 * manager of the first operand (DJL's rule), so callers keep the first operand in the per-call
 * manager. Scalars are made with {@code full} rather than DJL's {@code Number} overloads, which
 * allocate a direct buffer per call that only the garbage collector frees.
 */
final class Ops {
    private static final Shape STRIDE_2D = new Shape(1, 1);
    private static final Shape DILATION_2D = new Shape(1, 1);
    private static final Shape STRIDE_1D = new Shape(1);
    private static final Shape PADDING_1D = new Shape(0);
    private static final Shape DILATION_1D = new Shape(1);

    private Ops() {}

    /** {@code torch.conv2d(x, weight, bias, stride 1, padding)}. */
    static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int padding) {
        return JniUtils.convolution(
                (PtNDArray) x,
                (PtNDArray) weight,
                (PtNDArray) bias,
                STRIDE_2D,
                new Shape(padding, padding),
                DILATION_2D,
                1);
    }

    /** {@code torch.conv1d(x, weight, bias)} with kernel 1: a linear map over the channel axis. */
    static NDArray conv1d(NDArray x, NDArray weight, NDArray bias) {
        return JniUtils.convolution(
                (PtNDArray) x,
                (PtNDArray) weight,
                (PtNDArray) bias,
                STRIDE_1D,
                PADDING_1D,
                DILATION_1D,
                1);
    }

    static NDArray relu(NDArray x) {
        return JniUtils.relu((PtNDArray) x);
    }

    static NDArray leakyRelu(NDArray x, double slope) {
        return JniUtils.leakyRelu((PtNDArray) x, slope);
    }

    /** Concatenation along the channel axis; the result lives with the first array. */
    static NDArray concatChannels(List<NDArray> arrays) {
        return NDArrays.concat(new NDList(arrays), 1);
    }

    /**
     * {@code torch.pixel_shuffle(x, r)}: out[b, c, h*r + i, w*r + j] = x[b, c*r*r + i*r + j, h, w]
     * (SPEC 3). DJL has no such operator; reshape, permute and reshape give the same order.
     */
    static NDArray pixelShuffle(NDArray x, int r) {
        long[] s = x.getShape().getShape();
        long b = s[0];
        long c = s[1] / ((long) r * r);
        long h = s[2];
        long w = s[3];
        return x.reshape(b, c, r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(b, c, h * r, w * r);
    }

    /**
     * {@code dst[...] = src} in place (libtorch's {@code index_put_} over full slices): the array
     * keeps its identity, so autograd's {@code .grad} and every holder of it stay valid. {@code
     * dst} must have rank >= 1 and {@code src}'s shape; call with grad mode off when {@code dst}
     * requires grad.
     */
    static void copyInto(NDArray dst, NDArray src) {
        long[] shape = dst.getShape().getShape();
        long[] min = new long[shape.length];
        long[] step = new long[shape.length];
        java.util.Arrays.fill(step, 1);
        JniUtils.indexSet((PtNDArray) dst, (PtNDArray) src, min, shape, step);
    }

    /**
     * A float32 scalar on {@code manager}'s device, allocated by libtorch (no Java direct buffer).
     */
    static NDArray scalar(NDManager manager, double value) {
        return manager.full(new Shape(), (float) value, DataType.FLOAT32);
    }
}
