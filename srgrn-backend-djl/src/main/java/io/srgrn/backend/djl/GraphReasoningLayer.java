package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.ParameterPath;

/** The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3); its parameters sit directly in the owning module's path. */
final class GraphReasoningLayer {
    private final Conv2dLayer proj;
    private final Conv2dLayer distribute;
    private final Conv1dLayer clc0;
    private final Conv1dLayer clc2;
    private final int nodes;
    private final double slope;
    private final NodeAggregation aggregation;

    GraphReasoningLayer(GraphReasoning graph, ParameterPath path, ParameterStore store) {
        proj = new Conv2dLayer(graph.proj().spec(), path.child(graph.proj()), store);
        distribute = new Conv2dLayer(graph.distribute().spec(), path.child(graph.distribute()), store);
        clc0 = new Conv1dLayer(graph.clc0().spec(), path.child(graph.clc0()), store);
        clc2 = new Conv1dLayer(graph.clc2().spec(), path.child(graph.clc2()), store);
        nodes = graph.nodes();
        slope = graph.slope();
        aggregation = graph.aggregation();
    }

    /** Yn = CLC(aggregate(X)): B x N x C. */
    NDArray nodes(NDArray x, Call call) {
        long[] s = x.getShape().getShape();
        long hw = s[2] * s[3];
        NDArray p = proj.apply(x, call).reshape(s[0], nodes, hw);
        NDArray yw = p.matMul(x.reshape(s[0], s[1], hw).transpose(0, 2, 1));
        call.free(p);
        if (aggregation == NodeAggregation.MEAN) {
            yw = yw.div(call.scalar(hw));
        }
        return clc2.apply(Ops.leakyRelu(clc0.apply(yw, call), slope), call);
    }

    /** Wp = softmax over the N axis of distribute(X): B x N x HW, each pixel's weights sum to 1. */
    NDArray weights(NDArray x, Call call) {
        long[] s = x.getShape().getShape();
        NDArray logits = distribute.apply(x, call);
        NDArray weights = logits.reshape(s[0], nodes, s[2] * s[3]).softmax(1);
        call.free(logits);
        return weights;
    }
}
