package io.srgrn.tck.reference;

import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense double-precision tensor, row-major like {@link Tensor}: the reference computes in double
 * so that its own rounding is negligible next to a float32 backend's.
 *
 * <p>Operations return new tensors; only {@link #addInPlace} mutates, for gradient accumulation.
 * {@link #reshape} shares the data, as a view.
 */
public final class DoubleTensor {
    private final int[] shape;
    private final double[] data;

    private DoubleTensor(double[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** Wraps {@code data} (not copied). */
    public static DoubleTensor of(double[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = shape.clone();
        if (Tensor.elementCount(s) != data.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(s)
                            + " holds "
                            + Tensor.elementCount(s)
                            + " elements but the data array has "
                            + data.length);
        }
        return new DoubleTensor(data, s);
    }

    public static DoubleTensor zeros(int... shape) {
        int[] s = shape.clone();
        return new DoubleTensor(new double[(int) Tensor.elementCount(s)], s);
    }

    /** The float32 tensor widened exactly to double. */
    public static DoubleTensor from(Tensor t) {
        float[] f = t.data();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return new DoubleTensor(d, t.shape());
    }

    /** Rounded to float32, as it crosses the backend SPI. */
    public Tensor toTensor() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return Tensor.of(f, shape);
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The backing array (not a copy). */
    public double[] data() {
        return data;
    }

    public DoubleTensor reshape(int... newShape) {
        return of(data, newShape);
    }

    public DoubleTensor copy() {
        return new DoubleTensor(data.clone(), shape.clone());
    }

    public boolean sameShape(DoubleTensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** {@code this + other}, elementwise. */
    public DoubleTensor plus(DoubleTensor other) {
        requireSameShape(other, "plus");
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] + other.data[i];
        }
        return new DoubleTensor(out, shape.clone());
    }

    /** {@code factor * this}. */
    public DoubleTensor times(double factor) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = factor * data[i];
        }
        return new DoubleTensor(out, shape.clone());
    }

    /** Adds {@code other} into this tensor (gradient accumulation). */
    public void addInPlace(DoubleTensor other) {
        requireSameShape(other, "addInPlace");
        for (int i = 0; i < data.length; i++) {
            data[i] += other.data[i];
        }
    }

    /** Sum over all elements of {@code this * other}. */
    public double dot(DoubleTensor other) {
        requireSameShape(other, "dot");
        double s = 0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * other.data[i];
        }
        return s;
    }

    /** Euclidean (Frobenius) norm. */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    private void requireSameShape(DoubleTensor other, String op) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException(
                    op
                            + ": shapes differ, "
                            + Arrays.toString(shape)
                            + " vs "
                            + Arrays.toString(other.shape));
        }
    }

    @Override
    public String toString() {
        return "DoubleTensor" + Arrays.toString(shape);
    }
}
