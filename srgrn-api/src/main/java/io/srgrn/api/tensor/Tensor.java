package io.srgrn.api.tensor;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A dense float32 tensor on the Java heap, row-major (the last index varies fastest), as it crosses
 * the backend SPI. Images are NCHW with values in [0, 1].
 *
 * <p>The tensor wraps its array without copying so that large images do not exist twice; whoever
 * created it owns the array. {@link #data()} exposes it for the same reason: callers that need an
 * independent copy call {@link #copy()}.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} (not copied) with the given shape. */
    public static Tensor of(float[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = shape.clone();
        long n = elementCount(s);
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(s)
                            + " holds "
                            + n
                            + " elements but the data array has "
                            + data.length);
        }
        return new Tensor(data, s);
    }

    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        long n = elementCount(s);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(s) + " is too large for one Java array");
        }
        return new Tensor(new float[(int) n], s);
    }

    /** A tensor of the given shape filled with {@code value}. */
    public static Tensor full(float value, int... shape) {
        Tensor t = zeros(shape);
        Arrays.fill(t.data, value);
        return t;
    }

    /**
     * A tensor of uniform values in [low, high), e.g. [0, 1) for an image, drawn in element order
     * from {@code random}: the same generator state always gives the same tensor. The shape is an
     * array, not varargs, so that the bounds cannot be mistaken for dimensions.
     */
    public static Tensor uniform(SplittableRandom random, double low, double high, int[] shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return t;
    }

    /** A rank-0-like scalar stored as shape [1], the shape SPEC gives gammas. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[] {1});
    }

    public static long elementCount(int... shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(
                        "negative dimension "
                                + shape[i]
                                + " at index "
                                + i
                                + " of shape "
                                + Arrays.toString(shape));
            }
            n *= shape[i];
        }
        return n;
    }

    /** The shape (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code i}; negative indices count from the end. */
    public int dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    public int size() {
        return data.length;
    }

    /** The backing array (not a copy): see the class comment. */
    public float[] data() {
        return data;
    }

    public float get(int... index) {
        return data[offset(index)];
    }

    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    private int offset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(
                    "index of rank "
                            + index.length
                            + " for a tensor of shape "
                            + Arrays.toString(shape));
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(
                        "index "
                                + Arrays.toString(index)
                                + " outside shape "
                                + Arrays.toString(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    /** Same data, new shape with the same element count. */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** True when shapes are equal and every element is bit-identical (NaN equals NaN). */
    public boolean bitEquals(Tensor other) {
        return Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
