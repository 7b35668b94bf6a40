package io.srgrn.backend.jcuda;

import io.srgrn.api.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The device operations the layers are written in: cuDNN convolutions, cuBLAS GEMMs, the NVRTC
 * kernels, copies and fills, all on the context's one stream (so they run in order without host
 * synchronisation; only {@link #download} waits). Convolution descriptors and algorithms are cached
 * per shape here.
 */
final class CudaOps implements DeviceOps, AutoCloseable {
    private final CUstream_st stream;
    private final cudnnContext cudnnHandle;
    private final cublasContext cublasHandle;
    private final KernelModules kernels;
    private final boolean tf32;
    private final Map<ConvDescriptor, CudnnConvolution> convolutions = new HashMap<>();
    private final FloatPointer one = new FloatPointer(1).put(1f);
    private final FloatPointer zero = new FloatPointer(1).put(0f);

    CudaOps(
            CUstream_st stream,
            cudnnContext cudnnHandle,
            cublasContext cublasHandle,
            KernelModules kernels,
            boolean tf32) {
        this.stream = stream;
        this.cudnnHandle = cudnnHandle;
        this.cublasHandle = cublasHandle;
        this.kernels = kernels;
        this.tf32 = tf32;
    }

    @Override
    public boolean tf32() {
        return tf32;
    }

    // ------------------------------------------------------------------ host <-> device

    @Override
    public DeviceTensor upload(CallScope scope, Tensor host) {
        DeviceTensor t = scope.tensor(host.shape());
        copyIn(t, host.data());
        return t;
    }

    @Override
    public void copyIn(DeviceTensor t, float[] data) {
        try (FloatPointer src = new FloatPointer(data)) {
            CudaStatus.runtime(
                    cudart.cudaMemcpyAsync(
                            DevicePointers.raw(t.address()),
                            src,
                            (long) data.length * 4,
                            cudart.cudaMemcpyHostToDevice,
                            stream),
                    "cudaMemcpyAsync(host to device)");
            synchronize(); // the host array may change once this returns
        }
    }

    @Override
    public Tensor download(DeviceTensor t) {
        float[] out = new float[Math.toIntExact(t.count())];
        try (FloatPointer dst = new FloatPointer(out.length)) {
            CudaStatus.runtime(
                    cudart.cudaMemcpyAsync(
                            dst,
                            DevicePointers.raw(t.address()),
                            (long) out.length * 4,
                            cudart.cudaMemcpyDeviceToHost,
                            stream),
                    "cudaMemcpyAsync(device to host)");
            synchronize();
            dst.get(out);
        }
        return Tensor.of(out, t.shape());
    }

    @Override
    public void copy(DeviceTensor dst, DeviceTensor src) {
        CudaStatus.runtime(
                cudart.cudaMemcpyAsync(
                        DevicePointers.raw(dst.address()),
                        DevicePointers.raw(src.address()),
                        src.count() * 4,
                        cudart.cudaMemcpyDeviceToDevice,
                        stream),
                "cudaMemcpyAsync(device to device)");
    }

    @Override
    public void fillZero(DeviceTensor t) {
        CudaStatus.runtime(
                cudart.cudaMemsetAsync(DevicePointers.raw(t.address()), 0, t.count() * 4, stream),
                "cudaMemsetAsync");
    }

    @Override
    public void synchronize() {
        CudaStatus.runtime(cudart.cudaStreamSynchronize(stream), "cudaStreamSynchronize");
    }

    // ------------------------------------------------------------------ cuDNN

    private CudnnConvolution convolution(ConvDescriptor d) {
        return convolutions.computeIfAbsent(d, k -> new CudnnConvolution(cudnnHandle, k));
    }

    /** y = conv(x, w) + b. */
    @Override
    public DeviceTensor conv2d(
            CallScope scope, ConvDescriptor d, DeviceTensor x, DeviceTensor w, DeviceTensor b) {
        CudnnConvolution c = convolution(d);
        DeviceTensor y = scope.tensor(d.outputShape());
        DeviceBuffer ws = scope.bytes(c.forwardWorkspace);
        CudaStatus.cudnn(
                cudnn.cudnnConvolutionForward(
                        cudnnHandle,
                        one,
                        c.x,
                        ptr(x),
                        c.w,
                        ptr(w),
                        c.conv,
                        c.forwardAlgo,
                        DevicePointers.raw(ws.address()),
                        c.forwardWorkspace,
                        zero,
                        c.y,
                        ptr(y)),
                "cudnnConvolutionForward");
        CudaStatus.cudnn(
                cudnn.cudnnAddTensor(cudnnHandle, one, c.bias, ptr(b), one, c.y, ptr(y)),
                "cudnnAddTensor");
        return y;
    }

    /** Accumulates dw and db (beta 1) and returns dx. */
    @Override
    public DeviceTensor conv2dBackward(
            CallScope scope,
            ConvDescriptor d,
            DeviceTensor x,
            DeviceTensor w,
            DeviceTensor dy,
            DeviceTensor dw,
            DeviceTensor db) {
        CudnnConvolution c = convolution(d);
        DeviceTensor dx = scope.tensor(d.inputShape());
        DeviceBuffer wsData = scope.bytes(c.backwardDataWorkspace);
        CudaStatus.cudnn(
                cudnn.cudnnConvolutionBackwardData(
                        cudnnHandle,
                        one,
                        c.w,
                        ptr(w),
                        c.y,
                        ptr(dy),
                        c.conv,
                        c.backwardDataAlgo,
                        DevicePointers.raw(wsData.address()),
                        c.backwardDataWorkspace,
                        zero,
                        c.x,
                        ptr(dx)),
                "cudnnConvolutionBackwardData");
        DeviceBuffer wsFilter = scope.bytes(c.backwardFilterWorkspace);
        CudaStatus.cudnn(
                cudnn.cudnnConvolutionBackwardFilter(
                        cudnnHandle,
                        one,
                        c.x,
                        ptr(x),
                        c.y,
                        ptr(dy),
                        c.conv,
                        c.backwardFilterAlgo,
                        DevicePointers.raw(wsFilter.address()),
                        c.backwardFilterWorkspace,
                        one,
                        c.w,
                        ptr(dw)),
                "cudnnConvolutionBackwardFilter");
        CudaStatus.cudnn(
                cudnn.cudnnConvolutionBackwardBias(
                        cudnnHandle, one, c.y, ptr(dy), one, c.bias, ptr(db)),
                "cudnnConvolutionBackwardBias");
        return dx;
    }

    // ------------------------------------------------------------------ cuBLAS

    @Override
    public void gemmAt(GemmStridedBatched g, long a, long b, long c) {
        try (FloatPointer alpha = new FloatPointer(1).put(g.alpha());
                FloatPointer beta = new FloatPointer(1).put(g.beta())) {
            // cuBLAS's first operand is our B, its second our A (column-major view of row-major
            // data).
            CudaStatus.cublas(
                    cublas.cublasSgemmStridedBatched(
                            cublasHandle,
                            g.transa() ? cublas.CUBLAS_OP_T : cublas.CUBLAS_OP_N,
                            g.transb() ? cublas.CUBLAS_OP_T : cublas.CUBLAS_OP_N,
                            g.m(),
                            g.n(),
                            g.k(),
                            alpha,
                            DevicePointers.floats(b, 0),
                            g.lda(),
                            g.strideA(),
                            DevicePointers.floats(a, 0),
                            g.ldb(),
                            g.strideB(),
                            beta,
                            DevicePointers.floats(c, 0),
                            g.ldc(),
                            g.strideC(),
                            g.batch()),
                    "cublasSgemmStridedBatched");
        }
    }

    // ------------------------------------------------------------------ kernels

    @Override
    public void kernel(Kernel k, long n, Object... args) {
        kernels.launch(k, n, args);
    }

    /**
     * sum(x * y) (mode 0), sum(x * (y - z)) (mode 1) or sum(|x - y|) (mode 2), times {@code scale},
     * into result[0].
     */
    @Override
    public void reduce(
            CallScope scope,
            int mode,
            DeviceTensor x,
            DeviceTensor y,
            DeviceTensor z,
            float scale,
            DeviceTensor result,
            boolean accumulate) {
        long n = x.count();
        int blocks = Reductions.blocks(n);
        DeviceTensor partial = scope.tensor(blocks);
        kernels.launchGrid(
                Kernel.REDUCE_PARTIAL,
                blocks,
                partial.address(),
                x.address(),
                y.address(),
                (z == null ? y : z).address(),
                mode,
                n);
        kernels.launchGrid(
                Kernel.REDUCE_FINAL,
                1,
                result.address(),
                partial.address(),
                blocks,
                scale,
                accumulate ? 1 : 0);
    }

    private static Pointer ptr(DeviceTensor t) {
        return DevicePointers.raw(t.address());
    }

    @Override
    public void close() {
        convolutions.values().forEach(CudnnConvolution::close);
        convolutions.clear();
        one.close();
        zero.close();
    }
}
