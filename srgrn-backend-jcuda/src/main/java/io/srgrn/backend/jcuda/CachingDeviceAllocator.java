package io.srgrn.backend.jcuda;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caching allocator over {@link RawDeviceMemory}: requests are rounded up to a size class, a
 * released block goes into the free list of its class and the next request of that class takes it
 * back, so a loop whose shapes repeat (training at a fixed patch size) allocates on the device only
 * during its first iteration.
 *
 * <p>Size classes: multiples of {@value #SMALL_GRANULE} bytes up to {@value #SMALL_LIMIT} bytes
 * (small tensors: biases, node states), then multiples of {@value #LARGE_GRANULE} bytes, so that a
 * large request wastes at most 2 MiB. A request is served only from its own class: simpler than
 * splitting blocks, and exact for repeating shapes. When the device is out of memory the cache is
 * freed and the request retried once. {@link #close()} frees every block, including those still in
 * use (a module's buffers die with its context); it logs how many were still in use.
 *
 * <p>Not thread-safe: a context serialises its modules' device work.
 */
final class CachingDeviceAllocator implements DeviceAllocator {
    private static final Logger LOG = LoggerFactory.getLogger(CachingDeviceAllocator.class);
    static final long SMALL_GRANULE = 512;
    static final long SMALL_LIMIT = 1L << 20;
    static final long LARGE_GRANULE = 2L << 20;

    private final RawDeviceMemory memory;
    private final TreeMap<Long, ArrayDeque<DeviceBuffer>> free = new TreeMap<>();
    private final Map<Long, DeviceBuffer> inUse = new HashMap<>();
    private long bytesInUse;
    private long bytesCached;
    private long deviceAllocations;
    private boolean closed;

    CachingDeviceAllocator(RawDeviceMemory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** The size class of a request: what the device is asked for when nothing is cached. */
    static long sizeClass(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot allocate " + bytes + " bytes");
        }
        long granule = bytes <= SMALL_LIMIT ? SMALL_GRANULE : LARGE_GRANULE;
        long rounded = (bytes + granule - 1) / granule * granule;
        return Math.max(rounded, SMALL_GRANULE);
    }

    @Override
    public DeviceBuffer allocate(long bytes) {
        requireOpen();
        long size = sizeClass(bytes);
        ArrayDeque<DeviceBuffer> list = free.get(size);
        DeviceBuffer block;
        if (list != null && !list.isEmpty()) {
            DeviceBuffer cached = list.pop();
            if (list.isEmpty()) {
                free.remove(size);
            }
            bytesCached -= size;
            block = new DeviceBuffer(cached.address(), size, bytes);
        } else {
            block = new DeviceBuffer(allocateOnDevice(size), size, bytes);
        }
        inUse.put(block.address(), block);
        bytesInUse += size;
        return block;
    }

    private long allocateOnDevice(long size) {
        try {
            deviceAllocations++;
            return memory.allocate(size);
        } catch (DeviceOutOfMemoryException e) {
            if (bytesCached == 0) {
                throw e;
            }
            LOG.debug(
                    "device out of memory for {} bytes: freeing {} cached bytes and retrying",
                    size,
                    bytesCached);
            trim();
            return memory.allocate(size);
        }
    }

    @Override
    public void release(DeviceBuffer buffer) {
        requireOpen();
        Objects.requireNonNull(buffer, "buffer");
        DeviceBuffer known = inUse.remove(buffer.address());
        if (known == null) {
            throw new IllegalArgumentException(
                    "device buffer at 0x"
                            + Long.toHexString(buffer.address())
                            + " is not in use from this allocator (released twice, or foreign)");
        }
        bytesInUse -= known.bytes();
        bytesCached += known.bytes();
        free.computeIfAbsent(known.bytes(), k -> new ArrayDeque<>()).push(known);
    }

    @Override
    public void trim() {
        requireOpen();
        free.values().forEach(list -> list.forEach(b -> memory.free(b.address())));
        free.clear();
        bytesCached = 0;
    }

    @Override
    public long bytesInUse() {
        return bytesInUse;
    }

    @Override
    public long bytesReserved() {
        return bytesInUse + bytesCached;
    }

    /** How many times the device itself was asked for memory (for tests and logs). */
    long deviceAllocations() {
        return deviceAllocations;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (!inUse.isEmpty()) {
            LOG.debug(
                    "closing the device allocator with {} blocks ({} bytes) still in use: freeing them",
                    inUse.size(),
                    bytesInUse);
        }
        free.values().forEach(list -> list.forEach(b -> memory.free(b.address())));
        inUse.values().forEach(b -> memory.free(b.address()));
        free.clear();
        inUse.clear();
        bytesInUse = 0;
        bytesCached = 0;
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the device allocator is closed");
        }
    }
}
