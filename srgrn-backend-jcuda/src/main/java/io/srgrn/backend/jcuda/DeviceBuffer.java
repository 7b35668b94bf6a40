package io.srgrn.backend.jcuda;

/**
 * A block of device memory handed out by a {@link DeviceAllocator}.
 *
 * @param address the device address
 * @param bytes the block's size (its size class, at least {@code requested})
 * @param requested what the caller asked for
 */
record DeviceBuffer(long address, long bytes, long requested) {
    DeviceBuffer {
        if (address == 0) {
            throw new IllegalArgumentException("device buffer at address 0");
        }
        if (requested < 0 || bytes < requested) {
            throw new IllegalArgumentException(
                    "device buffer of " + bytes + " bytes cannot hold " + requested);
        }
    }
}
