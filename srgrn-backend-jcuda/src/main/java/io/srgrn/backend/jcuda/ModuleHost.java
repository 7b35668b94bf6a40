package io.srgrn.backend.jcuda;

/**
 * What a {@link CudaModule} needs of its context: operations, memory, the device lock and the
 * thread binding.
 */
interface ModuleHost {
    DeviceOps ops();

    DeviceAllocator allocator();

    /** Held around all device work of the host's modules. */
    Object deviceLock();

    /** Makes the device current on the calling thread. */
    void bind();

    /** The module has closed. */
    void forget(CudaModule module);
}
