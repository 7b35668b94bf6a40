package io.srgrn.backend.jcuda;

import java.util.Arrays;

/**
 * One float32 device buffer a layer needs: an activation kept for backward, or a scratch area.
 *
 * @param name what it holds, e.g. {@code "feats"} or {@code "upsample.0.Wp"}
 * @param shape its dimensions
 */
record BufferPlan(String name, int[] shape) {
    BufferPlan {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    long elements() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    long bytes() {
        return elements() * Float.BYTES;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BufferPlan b && name.equals(b.name) && Arrays.equals(shape, b.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
