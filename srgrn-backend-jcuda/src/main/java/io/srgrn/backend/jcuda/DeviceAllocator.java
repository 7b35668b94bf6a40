package io.srgrn.backend.jcuda;

/**
 * Device memory for one backend context. Implementations keep freed blocks for reuse, so a training
 * loop stops calling {@code cudaMalloc} after its first step (a {@code cudaMalloc} synchronises the
 * device and costs far more than the kernels of a small layer).
 */
interface DeviceAllocator extends AutoCloseable {

    /**
     * A block of at least {@code bytes} (a zero-byte request still gets a distinct, minimal block).
     */
    DeviceBuffer allocate(long bytes);

    /** Gives a block back for reuse; releasing one twice, or a foreign one, is an error. */
    void release(DeviceBuffer buffer);

    /** Frees the cached (released) blocks on the device; blocks in use stay. */
    void trim();

    /** Bytes handed out and not released. */
    long bytesInUse();

    /** Bytes held on the device: in use plus cached. */
    long bytesReserved();

    /** Frees every block, in use or cached, on the device; later calls fail. Idempotent. */
    @Override
    void close();
}
