package io.srgrn.backend.jcuda;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.cuda.global.nvrtc;

/** Turns the status codes of the NVIDIA libraries into {@link CudaException}s naming the call. */
final class CudaStatus {
    /** cudaErrorMemoryAllocation. */
    static final int CUDA_OUT_OF_MEMORY = 2;

    private CudaStatus() {}

    static void runtime(int status, String call) {
        if (status != 0) {
            if (status == CUDA_OUT_OF_MEMORY) {
                throw new DeviceOutOfMemoryException(call + ": out of device memory");
            }
            throw new CudaException(
                    call
                            + " failed: CUDA error "
                            + status
                            + " ("
                            + cudart.cudaGetErrorString(status).getString()
                            + ")");
        }
    }

    static void driver(int status, String call) {
        if (status != 0) {
            throw new CudaException(call + " failed: CUDA driver error " + status);
        }
    }

    static void cudnn(int status, String call) {
        if (status != cudnn.CUDNN_STATUS_SUCCESS) {
            throw new CudaException(
                    call
                            + " failed: cuDNN error "
                            + status
                            + " ("
                            + cudnn.cudnnGetErrorString(status).getString()
                            + ")");
        }
    }

    static void cublas(int status, String call) {
        if (status != cublas.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(call + " failed: cuBLAS status " + status);
        }
    }

    static void nvrtc(int status, String call) {
        if (status != nvrtc.NVRTC_SUCCESS) {
            throw new CudaException(
                    call
                            + " failed: NVRTC error "
                            + status
                            + " ("
                            + nvrtc.nvrtcGetErrorString(status).getString()
                            + ")");
        }
    }
}
