package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.tensor.Tensor;

/** Normwise comparison of tensors, in double. */
final class Numerics {
    private Numerics() {}

    /** ||actual - expected|| / ||expected|| (plain difference norm when expected is zero). */
    static double relativeError(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
        double diff = 0;
        double norm = 0;
        float[] a = actual.data();
        float[] e = expected.data();
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - e[i];
            diff += d * d;
            norm += (double) e[i] * e[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }

    static void assertClose(String what, Tensor actual, Tensor expected, double tolerance) {
        assertThat(relativeError(actual, expected)).as("normwise relative error of %s", what).isLessThanOrEqualTo(tolerance);
    }
}
