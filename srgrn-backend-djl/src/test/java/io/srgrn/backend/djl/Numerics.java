package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.tensor.Tensor;

/** Normwise comparison of tensors, as the fixtures' README prescribes. */
final class Numerics {
    private Numerics() {}

    /** ||actual - expected|| / ||expected||, or the absolute norm when expected is zero. */
    static double relativeError(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).as("shape").containsExactly(expected.shape());
        double diff = 0;
        double ref = 0;
        float[] a = actual.data();
        float[] e = expected.data();
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - e[i];
            diff += d * d;
            ref += (double) e[i] * e[i];
        }
        return ref == 0 ? Math.sqrt(diff) : Math.sqrt(diff / ref);
    }

    static void assertClose(String what, Tensor actual, Tensor expected, double tolerance) {
        double err = relativeError(actual, expected);
        assertThat(err).as("%s: normwise relative error", what).isLessThanOrEqualTo(tolerance);
    }
}
