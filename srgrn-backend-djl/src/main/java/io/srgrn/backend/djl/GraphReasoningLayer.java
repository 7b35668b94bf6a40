package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.ParameterPath;

/**
 * The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3): node states after the CLC and the
 * per-pixel distribution weights. Its parameters sit directly in the owning module's path.
 */
final class GraphReasoningLayer {
    private final GraphReasoning graph;
    private final Conv2dLayer proj;
    private final Conv2dLayer distribute;
    private final Conv1dLayer clc0;
    private final Conv1dLayer clc2;

    GraphReasoningLayer(GraphReasoning graph, ParameterPath path, ParameterStore store) {
        this.graph = graph;
        proj = new Conv2dLayer(graph.proj().spec(), path.child(graph.proj()), store);
        distribute =
                new Conv2dLayer(graph.distribute().spec(), path.child(graph.distribute()), store);
        clc0 = new Conv1dLayer(graph.clc0().spec(), path.child(graph.clc0()), store);
        clc2 = new Conv1dLayer(graph.clc2().spec(), path.child(graph.clc2()), store);
    }

    /** Yn = CLC(aggregate(x)): B x N x C node states of x (B, C, H, W). */
    NDArray nodes(NDArray x, Call call) {
        long[] s = x.getShape().getShape();
        long hw = s[2] * s[3];
        return call.scoped(
                () -> {
                    NDArray p = proj.apply(x, call).reshape(s[0], graph.nodes(), hw);
                    NDArray sum = p.matMul(x.reshape(s[0], s[1], hw).transpose(0, 2, 1));
                    NDArray yw =
                            graph.aggregation() == NodeAggregation.MEAN
                                    ? sum.div(call.scalar(hw))
                                    : sum;
                    return clc2.apply(Ops.leakyRelu(clc0.apply(yw, call), graph.slope()), call);
                });
    }

    /**
     * Wp = softmax over the N nodes of distribute(x): B x N x HW, each pixel's weights sum to 1.
     */
    NDArray weights(NDArray x, Call call) {
        long[] s = x.getShape().getShape();
        return call.scoped(
                () ->
                        distribute
                                .apply(x, call)
                                .reshape(s[0], graph.nodes(), s[2] * s[3])
                                .softmax(1));
    }
}
