package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.srgrn.api.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Copies {@link Tensor}s between the Java heap and libtorch through direct buffers. DJL's own
 * {@code create(float[])} allocates a fresh direct buffer per tensor, which only the garbage
 * collector frees; with large images that shows up as native memory growth. Small tensors (a
 * training batch) share one reusable buffer; a larger one (an exact tile's feature map can be 160
 * MB) gets a buffer of its own that is freed as soon as libtorch holds the data, so that no module
 * keeps tile-sized buffers between calls. The kept buffer is small because exact tiling compiles a
 * dozen modules, each with its own: at 16 MB they held up to 0.2 GB between tiles.
 *
 * <p>Not thread-safe: one per module.
 */
final class HostTransfer implements AutoCloseable {
    /** Tensors up to this size go through the kept buffer. */
    static final int KEPT_BYTES = 2 << 20;

    private final boolean deviceCopies;
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);

    /**
     * {@code deviceCopies}: the target device copies host data itself (CUDA) instead of aliasing it
     * (CPU).
     */
    HostTransfer(boolean deviceCopies) {
        this.deviceCopies = deviceCopies;
    }

    /** The capacity of the buffer kept between calls (for tests). */
    int keptCapacity() {
        return staging.capacity();
    }

    /**
     * A new array on {@code manager}'s device holding a copy of {@code tensor}, owning its memory.
     */
    NDArray upload(NDManager manager, Tensor tensor) {
        int bytes = Math.multiplyExact(tensor.size(), Float.BYTES);
        boolean large = bytes > KEPT_BYTES;
        ByteBuffer buffer = large ? ByteBuffer.allocateDirect(bytes) : kept(bytes);
        try {
            ByteBuffer view = buffer.duplicate().order(ByteOrder.nativeOrder());
            view.clear();
            view.asFloatBuffer().put(tensor.data());
            view.limit(bytes);
            long[] shape = Arrays.stream(tensor.shape()).asLongStream().toArray();
            NDArray staged = manager.create(view, new Shape(shape), DataType.FLOAT32);
            if (deviceCopies) {
                return staged;
            }
            // On the CPU libtorch aliases the buffer: copy into libtorch-owned memory before the
            // buffer is reused or freed.
            try (NDArray alias = staged) {
                return alias.duplicate();
            }
        } finally {
            if (large) {
                DirectBuffers.free(buffer);
            }
        }
    }

    /** The kept buffer, grown (geometrically, up to {@link #KEPT_BYTES}) to hold {@code bytes}. */
    private ByteBuffer kept(int bytes) {
        if (staging.capacity() < bytes) {
            DirectBuffers.free(staging);
            staging =
                    ByteBuffer.allocateDirect(
                            Math.min(KEPT_BYTES, Math.max(bytes, staging.capacity() * 2)));
        }
        return staging;
    }

    /** Frees the kept buffer now (a closed module's buffer would otherwise wait for the GC). */
    @Override
    public void close() {
        DirectBuffers.free(staging);
        staging = ByteBuffer.allocateDirect(0);
    }

    /** A heap copy of {@code array}, which must hold {@code shape}'s float32 elements. */
    static Tensor download(NDArray array, int[] shape) {
        long expected = Tensor.elementCount(shape);
        if (array.size() != expected) {
            throw new IllegalStateException(
                    "backend produced "
                            + array.getShape()
                            + " where "
                            + Arrays.toString(shape)
                            + " was expected");
        }
        float[] data = new float[(int) expected];
        // tryDirect: a view of libtorch's memory (made contiguous first if needed) instead of a
        // byte[] copy.
        array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(data);
        return Tensor.of(data, shape);
    }

    static Tensor download(NDArray array) {
        long[] s = array.getShape().getShape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = Math.toIntExact(s[i]);
        }
        return download(array, shape);
    }

    static float scalarValue(NDArray array) {
        float[] one = new float[1];
        array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer().get(one);
        return one[0];
    }
}
