package io.srgrn.backend.jcuda;

import io.srgrn.api.config.NodeAggregation;

/**
 * The matrix products of graph reasoning (SPEC 3.1, 3.4, 3.5) as cuBLAS strided-batched GEMMs,
 * written once here and used by both the {@link ShapePlanner} and the layers, so what is planned is
 * what runs. Shapes per batch: X (C x HW), P and Wp (N x HW), Yw and Yn (N x C), Ync (r*r*C x N).
 */
final class GraphGemms {
    private GraphGemms() {}

    /** The factor of the aggregation: 1/HW for MEAN, 1 for SUM. */
    static float aggregationScale(NodeAggregation mode, int pixels) {
        return mode == NodeAggregation.MEAN ? 1f / pixels : 1f;
    }

    /** Yw = s * P @ X^T: (N x HW) @ (HW x C). */
    static GemmStridedBatched aggregate(
            int batch, int nodes, int channels, int pixels, float scale) {
        return GemmStridedBatched.rowMajor(
                false,
                true,
                nodes,
                channels,
                pixels,
                scale,
                (long) nodes * pixels,
                (long) channels * pixels,
                0f,
                batch);
    }

    /** dP = s * dYw @ X: (N x C) @ (C x HW). */
    static GemmStridedBatched aggregateGradP(
            int batch, int nodes, int channels, int pixels, float scale) {
        return GemmStridedBatched.rowMajor(false, false, nodes, pixels, channels, scale, 0f, batch);
    }

    /** dX += s * dYw^T @ P: (C x N) @ (N x HW), accumulated into the input gradient. */
    static GemmStridedBatched aggregateGradX(
            int batch, int nodes, int channels, int pixels, float scale) {
        return GemmStridedBatched.rowMajor(
                true,
                false,
                channels,
                pixels,
                nodes,
                scale,
                (long) nodes * channels,
                (long) nodes * pixels,
                1f,
                batch);
    }

    /**
     * Y = L @ Wp: (rows x N) @ (N x HW), GRUM's Ync @ Wp (rows = r*r*C) and GRRB's Yn^T @ Wp (rows
     * = C).
     */
    static GemmStridedBatched distribute(int batch, int rows, int nodes, int pixels) {
        return GemmStridedBatched.rowMajor(false, false, rows, pixels, nodes, 1f, 0f, batch);
    }

    /** dL = dY @ Wp^T: (rows x HW) @ (HW x N). */
    static GemmStridedBatched distributeGradLeft(int batch, int rows, int nodes, int pixels) {
        return GemmStridedBatched.rowMajor(
                false,
                true,
                rows,
                nodes,
                pixels,
                1f,
                (long) rows * pixels,
                (long) nodes * pixels,
                0f,
                batch);
    }

    /** dWp = L^T @ dY: (N x rows) @ (rows x HW). */
    static GemmStridedBatched distributeGradWeights(int batch, int rows, int nodes, int pixels) {
        return GemmStridedBatched.rowMajor(
                true,
                false,
                nodes,
                pixels,
                rows,
                1f,
                (long) rows * nodes,
                (long) rows * pixels,
                0f,
                batch);
    }

    /**
     * Conv1d(in, out, 1) forward: y[b] = W @ x[b], (out x in) @ (in x L), one W for every batch.
     */
    static GemmStridedBatched conv1d(int batch, int in, int out, int length) {
        return GemmStridedBatched.rowMajor(
                false, false, out, length, in, 1f, 0L, (long) in * length, 0f, batch);
    }

    /** Conv1d input gradient: dx[b] = W^T @ dy[b], (in x out) @ (out x L). */
    static GemmStridedBatched conv1dGradInput(int batch, int in, int out, int length) {
        return GemmStridedBatched.rowMajor(
                true, false, in, length, out, 1f, 0L, (long) out * length, 0f, batch);
    }

    /**
     * Conv1d weight gradient of one batch item: dW += dy[b] @ x[b]^T, (out x L) @ (L x in); run
     * once per item with beta 1 (a fixed order, so the sum is deterministic).
     */
    static GemmStridedBatched conv1dGradWeight(int in, int out, int length) {
        return GemmStridedBatched.rowMajor(
                false, true, out, in, length, 1f, (long) out * length, (long) in * length, 1f, 1);
    }
}
