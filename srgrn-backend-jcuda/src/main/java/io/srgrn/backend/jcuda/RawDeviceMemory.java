package io.srgrn.backend.jcuda;

/**
 * The device's own allocation functions, behind an interface so that the caching allocator's
 * bookkeeping can be unit-tested with a fake on a machine without a GPU. The CUDA implementation
 * calls {@code cudaMalloc}/{@code cudaFree} (plain device memory, never managed memory).
 */
interface RawDeviceMemory {
    /**
     * Allocates {@code bytes} of device memory.
     *
     * @return the device address
     * @throws DeviceOutOfMemoryException when the device has no block that large free
     */
    long allocate(long bytes);

    /** Frees an address returned by {@link #allocate}. */
    void free(long address);
}
