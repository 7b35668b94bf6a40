package io.srgrn.backend.jcuda;

import io.srgrn.api.tensor.Tensor;

/**
 * The device operations the layers, parameters and modules are written in. {@link CudaOps} runs
 * them on a GPU (cuDNN, cuBLAS, the NVRTC kernels); the tests run the same layers on a host
 * emulation of these operations against the conformance kit's reference, which checks the layers'
 * wiring (which buffer, which GEMM, which offset, which gradient goes where) on a machine without a
 * GPU.
 */
interface DeviceOps {
    /** Whether TF32 math is allowed. */
    boolean tf32();

    DeviceTensor upload(CallScope scope, Tensor host);

    void copyIn(DeviceTensor t, float[] data);

    Tensor download(DeviceTensor t);

    void copy(DeviceTensor dst, DeviceTensor src);

    void fillZero(DeviceTensor t);

    void synchronize();

    /** y = conv(x, w) + b. */
    DeviceTensor conv2d(
            CallScope scope, ConvDescriptor d, DeviceTensor x, DeviceTensor w, DeviceTensor b);

    /** Accumulates dw and db (beta 1) and returns dx. */
    DeviceTensor conv2dBackward(
            CallScope scope,
            ConvDescriptor d,
            DeviceTensor x,
            DeviceTensor w,
            DeviceTensor dy,
            DeviceTensor dw,
            DeviceTensor db);

    /** C = op(A) @ op(B) as planned by {@code g} (row-major A, B, C). */
    default void gemm(GemmStridedBatched g, DeviceTensor a, DeviceTensor b, DeviceTensor c) {
        gemmAt(g, a.address(), b.address(), c.address());
    }

    /** {@link #gemm} on raw addresses (a batch item of a larger tensor). */
    void gemmAt(GemmStridedBatched g, long a, long b, long c);

    /** Launches {@code k} over {@code n} elements with its checked arguments. */
    void kernel(Kernel k, long n, Object... args);

    /**
     * result[0] (=|+=) scale * sum(x * y) (mode 0), sum(x * (y - z)) (mode 1) or sum(|x - y|) (mode
     * 2).
     */
    void reduce(
            CallScope scope,
            int mode,
            DeviceTensor x,
            DeviceTensor y,
            DeviceTensor z,
            float scale,
            DeviceTensor result,
            boolean accumulate);
}
