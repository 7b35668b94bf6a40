package io.srgrn.backend.jcuda;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.Pointer;

/**
 * {@link RawDeviceMemory} on the current CUDA device: {@code cudaMalloc} and {@code cudaFree},
 * never managed memory.
 */
final class CudaDeviceMemory implements RawDeviceMemory {
    @Override
    public long allocate(long bytes) {
        Pointer p = new Pointer();
        CudaStatus.runtime(cudart.cudaMalloc(p, bytes), "cudaMalloc(" + bytes + ")");
        return p.address();
    }

    @Override
    public void free(long address) {
        CudaStatus.runtime(cudart.cudaFree(DevicePointers.raw(address)), "cudaFree");
    }
}
