package io.srgrn.backend.jcuda;

import java.util.ArrayList;
import java.util.List;

/**
 * The device buffers of one module call (activations kept for backward, gradients, scratch): all go
 * back to the context's caching allocator when the call ends, so a loop of calls with one shape
 * reuses the same blocks and never calls {@code cudaMalloc} after its first iteration.
 */
final class CallScope implements AutoCloseable {
    private final DeviceAllocator allocator;
    private final List<DeviceBuffer> buffers = new ArrayList<>();

    CallScope(DeviceAllocator allocator) {
        this.allocator = allocator;
    }

    /** An uninitialised tensor of {@code shape}, released with the scope. */
    DeviceTensor tensor(int... shape) {
        DeviceBuffer b = allocator.allocate(Tensors.count(shape) * Float.BYTES);
        buffers.add(b);
        return new DeviceTensor(b, shape);
    }

    /** Raw scratch bytes (a cuDNN workspace), released with the scope. */
    DeviceBuffer bytes(long bytes) {
        DeviceBuffer b = allocator.allocate(bytes);
        buffers.add(b);
        return b;
    }

    @Override
    public void close() {
        for (int i = buffers.size() - 1; i >= 0; i--) {
            allocator.release(buffers.get(i));
        }
        buffers.clear();
    }
}
