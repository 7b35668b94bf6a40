package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Conv2dSpec;

/**
 * One cuDNN convolution problem as pure data: what {@code cudnnSetTensor4dDescriptor}, {@code
 * cudnnSetFilter4dDescriptor} and {@code cudnnSetConvolution2dDescriptor} are called with (NCHW,
 * float32, stride 1, dilation 1, cross-correlation as PyTorch's conv). It is also the key of the
 * per-shape algorithm cache: cuDNN's algorithm choice depends on exactly these numbers.
 *
 * @param batch N
 * @param in input channels C
 * @param height H (output height equals it: padding = kernel / 2)
 * @param width W
 * @param out output channels K
 * @param kernel R = S, 1 or 3
 * @param tf32 whether TF32 tensor-op math is allowed (CUDNN_DEFAULT_MATH) or not (CUDNN_FMA_MATH)
 */
record ConvDescriptor(int batch, int in, int height, int width, int out, int kernel, boolean tf32) {
    ConvDescriptor {
        if (batch < 1 || in < 1 || height < 1 || width < 1 || out < 1) {
            throw new IllegalArgumentException(
                    "convolution dimensions must be >= 1: "
                            + batch
                            + "x"
                            + in
                            + "x"
                            + height
                            + "x"
                            + width
                            + " -> "
                            + out);
        }
        if (kernel != 1 && kernel != 3) {
            throw new IllegalArgumentException("kernel must be 1 or 3, got " + kernel);
        }
    }

    static ConvDescriptor of(Conv2dSpec spec, int[] inputShape, boolean tf32) {
        return new ConvDescriptor(
                inputShape[0],
                spec.inChannels(),
                inputShape[2],
                inputShape[3],
                spec.outChannels(),
                spec.kernel(),
                tf32);
    }

    int padding() {
        return kernel / 2;
    }

    /** {N, C, H, W} of x. */
    int[] inputShape() {
        return new int[] {batch, in, height, width};
    }

    /** {N, K, H, W} of y. */
    int[] outputShape() {
        return new int[] {batch, out, height, width};
    }

    /** {K, C, R, S} of the filter: SPEC's weight layout, which is cuDNN's NCHW filter layout. */
    int[] filterShape() {
        return new int[] {out, in, kernel, kernel};
    }

    /**
     * {1, K, 1, 1}: the bias as cuDNN broadcasts it (cudnnAddTensor, cudnnConvolutionBackwardBias).
     */
    int[] biasShape() {
        return new int[] {1, out, 1, 1};
    }

    long inputElements() {
        return (long) batch * in * height * width;
    }

    long outputElements() {
        return (long) batch * out * height * width;
    }
}
