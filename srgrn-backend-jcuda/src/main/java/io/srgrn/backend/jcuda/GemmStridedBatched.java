package io.srgrn.backend.jcuda;

/**
 * The arguments of one {@code cublasSgemmStridedBatched} call as pure data, derived from a
 * row-major batched product {@code C[b] = alpha * op(A[b]) @ op(B[b]) + beta * C[b]}.
 *
 * <p>cuBLAS is column-major and our tensors are row-major. A row-major M x N matrix is, read
 * column-major, its N x M transpose; so {@code C = op(A) op(B)} row-major is computed as {@code C^T
 * = op(B)^T op(A)^T} column-major: cuBLAS gets B first, A second, m = N, n = M. The leading
 * dimensions are the row lengths of the matrices as stored. {@link #rowMajor} does this once, and a
 * unit test checks it against a plain row-major product through a column-major GEMM emulator.
 *
 * @param transa cuBLAS's first operand is transposed (it is {@code B}: transposed iff B is)
 * @param transb cuBLAS's second operand is transposed (iff A is)
 * @param m rows of cuBLAS's C (= N)
 * @param n columns of cuBLAS's C (= M)
 * @param k the inner dimension K
 * @param alpha scale of the product
 * @param lda leading dimension of cuBLAS's first operand (B as stored)
 * @param strideA elements between batches of cuBLAS's first operand (B); 0 shares one matrix
 * @param ldb leading dimension of cuBLAS's second operand (A as stored)
 * @param strideB elements between batches of cuBLAS's second operand (A)
 * @param beta scale of the existing C (0 overwrites, 1 accumulates)
 * @param ldc leading dimension of C (= N)
 * @param strideC elements between batches of C
 * @param batch batch count
 */
record GemmStridedBatched(
        boolean transa,
        boolean transb,
        int m,
        int n,
        int k,
        float alpha,
        int lda,
        long strideA,
        int ldb,
        long strideB,
        float beta,
        int ldc,
        long strideC,
        int batch) {

    GemmStridedBatched {
        if (m < 1 || n < 1 || k < 1 || batch < 1) {
            throw new IllegalArgumentException(
                    "GEMM dimensions must be >= 1, got m="
                            + m
                            + ", n="
                            + n
                            + ", k="
                            + k
                            + ", batch="
                            + batch);
        }
    }

    /**
     * {@code C[b] (M x N) = alpha * op(A[b]) (M x K) @ op(B[b]) (K x N) + beta * C[b]}, all
     * row-major. A is stored M x K, or K x M when {@code transA}; B is stored K x N, or N x K when
     * {@code transB}.
     *
     * @param strideA elements between A's batches; 0 uses the same A for every batch (a Conv1d
     *     weight)
     */
    static GemmStridedBatched rowMajor(
            boolean transA,
            boolean transB,
            int rows,
            int cols,
            int inner,
            float alpha,
            long strideA,
            long strideB,
            float beta,
            int batch) {
        int storedColsA = transA ? rows : inner;
        int storedColsB = transB ? inner : cols;
        return new GemmStridedBatched(
                transB,
                transA,
                cols,
                rows,
                inner,
                alpha,
                storedColsB,
                strideB,
                storedColsA,
                strideA,
                beta,
                cols,
                (long) rows * cols,
                batch);
    }

    /** Plain contiguous batches: A and B each hold {@code batch} matrices back to back. */
    static GemmStridedBatched rowMajor(
            boolean transA,
            boolean transB,
            int rows,
            int cols,
            int inner,
            float alpha,
            float beta,
            int batch) {
        return rowMajor(
                transA,
                transB,
                rows,
                cols,
                inner,
                alpha,
                (long) rows * inner,
                (long) inner * cols,
                beta,
                batch);
    }

    /** FLOPs of the call: 2 M N K per batch. */
    long flops() {
        return 2L * m * n * k * batch;
    }
}
