package io.srgrn.tck.reference;

import io.srgrn.api.config.NodeAggregation;

/**
 * SPEC 3.1: pixel features pooled into node states, {@code Yw = P @ X^T} with P (B, N, HW) and X
 * (B, C, HW), giving (B, N, C); divided by HW for {@link NodeAggregation#MEAN}.
 */
public final class NodeAggregationOp {
    private NodeAggregationOp() {}

    public static DoubleTensor forward(
            DoubleTensor nodeWeights, DoubleTensor features, NodeAggregation mode) {
        return BatchedMatmulOp.forward(nodeWeights, BatchedMatmulOp.transpose(features))
                .times(scale(features, mode));
    }

    /** Gradients with respect to P and X of {@code sum(forward(P, X) * upstream)}. */
    public static PairGradients backward(
            DoubleTensor nodeWeights,
            DoubleTensor features,
            DoubleTensor upstream,
            NodeAggregation mode) {
        PairGradients mm =
                BatchedMatmulOp.backward(
                        nodeWeights,
                        BatchedMatmulOp.transpose(features),
                        upstream.times(scale(features, mode)));
        return new PairGradients(mm.first(), BatchedMatmulOp.transpose(mm.second()));
    }

    private static double scale(DoubleTensor features, NodeAggregation mode) {
        return switch (mode) {
            case MEAN -> 1.0 / features.dim(2);
            case SUM -> 1.0;
        };
    }
}
