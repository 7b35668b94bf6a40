package io.srgrn.backend.jcuda;

/** Element counts of shapes, checked for overflow. */
final class Tensors {
    private Tensors() {}

    static long count(int... shape) {
        long n = 1;
        for (int s : shape) {
            n = Math.multiplyExact(n, (long) s);
        }
        return n;
    }
}
