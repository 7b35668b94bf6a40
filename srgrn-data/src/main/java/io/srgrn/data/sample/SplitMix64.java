package io.srgrn.data.sample;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output is fixed by its definition,
 * so sampling is reproducible on any JVM; {@link #mix} turns (seed, counter) pairs into independent
 * streams, which is what makes a batch a pure function of its index.
 */
final class SplitMix64 {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A stream seed for {@code (seed, a, b)}. */
    static long mix(long seed, long a, long b) {
        return finish(finish(seed ^ finish(a + GOLDEN)) + b * GOLDEN);
    }

    long nextLong() {
        state += GOLDEN;
        return finish(state);
    }

    /** Uniform in [0, bound), unbiased (rejection as in java.util.Random). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int m = bound - 1;
        int r = (int) (nextLong() >>> 33);
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
            // rejected: u fell in the incomplete last block of size bound
        }
        return r;
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
