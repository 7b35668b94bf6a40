package io.srgrn.backend.jcuda;

/**
 * Grid sizes of reduce.cu's two-pass reductions: pass 1 runs at most {@link #MAX_BLOCKS} blocks of
 * {@link KernelSource#BLOCK} threads and writes one partial sum per block; pass 2 sums them in one
 * block.
 */
final class Reductions {
    /**
     * Enough blocks to fill an H200 several times over; fixed, so the summation order (and result)
     * is too.
     */
    static final int MAX_BLOCKS = 1024;

    private Reductions() {}

    /** Blocks of pass 1 for {@code n} elements (at least 1). */
    static int blocks(long n) {
        long b = (n + KernelSource.BLOCK - 1) / KernelSource.BLOCK;
        return (int) Math.max(1, Math.min(MAX_BLOCKS, b));
    }
}
