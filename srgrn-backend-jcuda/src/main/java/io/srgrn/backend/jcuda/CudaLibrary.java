package io.srgrn.backend.jcuda;

/**
 * The NVIDIA libraries this backend needs, by the file name (soname) JavaCPP's JNI wrappers link
 * against, in the order they are checked and loaded: the driver first, because without it nothing
 * else can run.
 */
enum CudaLibrary {
    DRIVER(
            "libcuda.so.1",
            "the NVIDIA driver's libcuda.so.1 (install an NVIDIA driver that supports CUDA 13)"),
    CUDART(
            "libcudart.so.13",
            "the CUDA 13 runtime libcudart.so.13 (pip: nvidia-cuda-runtime; or a CUDA 13 toolkit)"),
    CUBLAS_LT("libcublasLt.so.13", "cuBLASLt 13, libcublasLt.so.13 (pip: nvidia-cublas)"),
    CUBLAS("libcublas.so.13", "cuBLAS 13, libcublas.so.13 (pip: nvidia-cublas)"),
    CUDNN("libcudnn.so.9", "cuDNN 9, libcudnn.so.9 (pip: nvidia-cudnn-cu13)"),
    NVRTC("libnvrtc.so.13", "NVRTC 13, libnvrtc.so.13 (pip: nvidia-cuda-nvrtc)");

    private final String file;
    private final String description;

    CudaLibrary(String file, String description) {
        this.file = file;
        this.description = description;
    }

    String file() {
        return file;
    }

    /** What it is and where to get it, for an availability reason. */
    String description() {
        return description;
    }
}
