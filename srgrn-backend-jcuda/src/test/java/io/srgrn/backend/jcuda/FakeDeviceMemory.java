package io.srgrn.backend.jcuda;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link RawDeviceMemory} on the host: hands out increasing fake addresses and tracks which are
 * live.
 */
final class FakeDeviceMemory implements RawDeviceMemory {
    final Map<Long, Long> live = new HashMap<>();
    long capacity = Long.MAX_VALUE;
    int allocations;
    int frees;
    private long next = 0x1000;

    @Override
    public long allocate(long bytes) {
        long used = live.values().stream().mapToLong(Long::longValue).sum();
        if (used + bytes > capacity) {
            throw new DeviceOutOfMemoryException(
                    "fake device full: " + used + " + " + bytes + " > " + capacity);
        }
        long address = next;
        next += bytes + 0x1000;
        live.put(address, bytes);
        allocations++;
        return address;
    }

    @Override
    public void free(long address) {
        if (live.remove(address) == null) {
            throw new AssertionError("free of an address that is not live: " + address);
        }
        frees++;
    }
}
