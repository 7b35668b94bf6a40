package io.srgrn.backend.jcuda;

import java.util.Arrays;

/**
 * A float32 NCHW (or (B, C, L)) tensor in device memory: a {@link DeviceBuffer} and a shape. Who
 * owns the buffer is decided by where it was made: a {@link CallScope} (released when the call
 * ends) or the module's {@link DeviceParameters} (released when it closes).
 */
record DeviceTensor(DeviceBuffer buffer, int[] shape) {
    DeviceTensor {
        shape = shape.clone();
        if (Tensors.count(shape) * Float.BYTES > buffer.bytes()) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " does not fit "
                            + buffer.bytes()
                            + " bytes");
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    long address() {
        return buffer.address();
    }

    long count() {
        return Tensors.count(shape);
    }

    int dim(int i) {
        return shape[i];
    }

    /** The same memory under another shape with the same element count. */
    DeviceTensor reshape(int... newShape) {
        if (Tensors.count(newShape) != count()) {
            throw new IllegalArgumentException(
                    "cannot reshape "
                            + Arrays.toString(shape)
                            + " to "
                            + Arrays.toString(newShape));
        }
        return new DeviceTensor(buffer, newShape);
    }
}
