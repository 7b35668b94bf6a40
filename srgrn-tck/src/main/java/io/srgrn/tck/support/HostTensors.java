package io.srgrn.tck.support;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.ChannelConcatOp;
import io.srgrn.tck.reference.Conv1dOp;
import io.srgrn.tck.reference.Conv2dOp;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.PixelShuffle;
import java.util.List;

/**
 * Float32 tensor arithmetic on the host for backend tests, computed in double by the reference's
 * ops (written from SPEC, not from any backend) and rounded to float32 once.
 */
public final class HostTensors {
    private HostTensors() {}

    /** Conv2d with bias, stride 1, zero padding k/2 (NCHW). */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return Conv2dOp.forward(wide(x), wide(weight), wide(bias)).toTensor();
    }

    /** Conv1d with kernel 1 and bias on (N, C, L). */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias) {
        return Conv1dOp.forward(wide(x), wide(weight), wide(bias)).toTensor();
    }

    /** SPEC 3: out[b, c, h*r + i, w*r + j] = x[b, c*r*r + i*r + j, h, w]. */
    public static Tensor pixelShuffle(Tensor x, int r) {
        return PixelShuffle.SPEC.forward(wide(x), r).toTensor();
    }

    /** Concatenation of NCHW tensors along C. */
    public static Tensor concatChannels(List<Tensor> parts) {
        return ChannelConcatOp.forward(parts.stream().map(HostTensors::wide).toList()).toTensor();
    }

    /** An NCHW tensor split along C into parts of the given channel counts. */
    public static List<Tensor> splitChannels(Tensor t, int... channels) {
        return ChannelConcatOp.split(wide(t), channels).stream()
                .map(DoubleTensor::toTensor)
                .toList();
    }

    /** Element-wise sum. */
    public static Tensor add(Tensor a, Tensor b) {
        return wide(a).plus(wide(b)).toTensor();
    }

    /** The mean of |a - b| over all elements, in double. */
    public static double meanAbsDiff(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += Math.abs((double) a.data()[i] - b.data()[i]);
        }
        return s / a.size();
    }

    private static DoubleTensor wide(Tensor t) {
        return DoubleTensor.from(t);
    }
}
