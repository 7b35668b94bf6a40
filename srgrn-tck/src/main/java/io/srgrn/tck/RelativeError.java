package io.srgrn.tck;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.DoubleTensor;
import java.util.Arrays;

/**
 * Normwise relative error {@code ||actual - expected|| / ||expected||} (Frobenius norms, in
 * double). When {@code expected} is all zeros the absolute norm {@code ||actual||} is returned, so
 * an exact zero must be matched by (near) zeros. Shapes must agree; a NaN anywhere gives NaN, which
 * fails every tolerance.
 */
public final class RelativeError {
    private RelativeError() {}

    public static double of(Tensor actual, DoubleTensor expected) {
        return of(DoubleTensor.from(actual), expected);
    }

    public static double of(DoubleTensor actual, DoubleTensor expected) {
        requireSameShape(actual.shape(), expected.shape());
        double[] a = actual.data();
        double[] e = expected.data();
        double diff = 0, ref = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - e[i];
            diff += d * d;
            ref += e[i] * e[i];
        }
        return ratio(diff, ref);
    }

    public static double of(Tensor actual, Tensor expected) {
        return of(actual, DoubleTensor.from(expected));
    }

    /**
     * Fails with {@code what} and the measured error when {@code ||actual - expected|| /
     * ||expected||} exceeds {@code tolerance}.
     */
    public static void assertClose(String what, Tensor actual, Tensor expected, double tolerance) {
        double error = of(actual, expected);
        if (!(error <= tolerance)) {
            throw new AssertionError(
                    what + ": normwise relative error " + error + " exceeds " + tolerance);
        }
    }

    private static double ratio(double squaredDiff, double squaredRef) {
        return squaredRef == 0 ? Math.sqrt(squaredDiff) : Math.sqrt(squaredDiff / squaredRef);
    }

    private static void requireSameShape(int[] actual, int[] expected) {
        if (!Arrays.equals(actual, expected)) {
            throw new AssertionError(
                    "shape "
                            + Arrays.toString(actual)
                            + " differs from the expected "
                            + Arrays.toString(expected));
        }
    }
}
