package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudnn.cudnnContext;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;

/**
 * The jcuda backend opened on one GPU: its stream, cuDNN and cuBLAS handles (math modes from {@link
 * CudaSettings}), the NVRTC-compiled kernels, and one {@link CachingDeviceAllocator}. Closing it
 * closes every module, then frees every block of device memory and destroys the handles.
 */
final class CudaContext implements BackendContext, ModuleHost {
    private final Backend backend;
    private final Device device;
    private final CUstream_st stream = new CUstream_st();
    private final cudnnContext cudnnHandle = new cudnnContext();
    private final cublasContext cublasHandle = new cublasContext();
    private final KernelModules kernels;
    private final CudaOps ops;
    private final CachingDeviceAllocator allocator;
    private final Set<CudaModule> modules = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Object deviceLock = new Object();
    private boolean closed;

    CudaContext(Backend backend, Device device, CudaSettings settings) {
        this.backend = backend;
        this.device = device;
        bind();
        int[] major = new int[1];
        int[] minor = new int[1];
        CudaStatus.runtime(
                cudart.cudaDeviceGetAttribute(
                        major, cudart.cudaDevAttrComputeCapabilityMajor, device.index()),
                "cudaDeviceGetAttribute(major)");
        CudaStatus.runtime(
                cudart.cudaDeviceGetAttribute(
                        minor, cudart.cudaDevAttrComputeCapabilityMinor, device.index()),
                "cudaDeviceGetAttribute(minor)");
        KernelModules compiled = null;
        try {
            CudaStatus.runtime(cudart.cudaStreamCreate(stream), "cudaStreamCreate");
            CudaStatus.cudnn(cudnn.cudnnCreate(cudnnHandle), "cudnnCreate");
            CudaStatus.cudnn(cudnn.cudnnSetStream(cudnnHandle, stream), "cudnnSetStream");
            CudaStatus.cublas(cublas.cublasCreate_v2(cublasHandle), "cublasCreate");
            CudaStatus.cublas(cublas.cublasSetStream_v2(cublasHandle, stream), "cublasSetStream");
            CudaStatus.cublas(
                    cublas.cublasSetMathMode(
                            cublasHandle,
                            settings.tf32()
                                    ? cublas.CUBLAS_TF32_TENSOR_OP_MATH
                                    : cublas.CUBLAS_PEDANTIC_MATH),
                    "cublasSetMathMode");
            compiled = new KernelModules(major[0], minor[0], stream);
        } catch (RuntimeException e) {
            // a failed open (e.g. NVRTC cannot compile for this device) leaves no handle behind
            if (compiled != null) {
                compiled.close();
            }
            if (!cublasHandle.isNull()) {
                cublas.cublasDestroy_v2(cublasHandle);
            }
            if (!cudnnHandle.isNull()) {
                cudnn.cudnnDestroy(cudnnHandle);
            }
            if (!stream.isNull()) {
                cudart.cudaStreamDestroy(stream);
            }
            throw e;
        }
        this.kernels = compiled;
        this.ops = new CudaOps(stream, cudnnHandle, cublasHandle, kernels, settings.tf32());
        this.allocator = new CachingDeviceAllocator(new CudaDeviceMemory());
    }

    /**
     * Held around all device work of this context's modules: cuDNN and cuBLAS handles are not
     * thread-safe.
     */
    @Override
    public Object deviceLock() {
        return deviceLock;
    }

    /**
     * Makes this context's device current on the calling thread (the CUDA runtime's device is per
     * thread).
     */
    @Override
    public void bind() {
        CudaStatus.runtime(
                cudart.cudaSetDevice(device.index()), "cudaSetDevice(" + device.index() + ")");
    }

    @Override
    public CudaOps ops() {
        return ops;
    }

    @Override
    public DeviceAllocator allocator() {
        return allocator;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public synchronized Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
        if (closed) {
            throw new IllegalStateException(
                    "the jcuda backend context on " + device + " is closed");
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(parameters, "parameters");
        ParameterCheck.requireComplete(spec, parameters);
        CudaModule module;
        synchronized (deviceLock) {
            module = new CudaModule(this, spec, parameters);
        }
        modules.add(module);
        return module;
    }

    @Override
    public synchronized void forget(CudaModule module) {
        modules.remove(module);
    }

    @Override
    public void close() {
        List<CudaModule> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(modules);
        }
        open.forEach(CudaModule::close);
        synchronized (deviceLock) {
            bind();
            cudart.cudaStreamSynchronize(stream);
            ops.close();
            kernels.close();
            allocator.close();
            cublas.cublasDestroy_v2(cublasHandle);
            cudnn.cudnnDestroy(cudnnHandle);
            cudart.cudaStreamDestroy(stream);
        }
    }
}
