package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.GraphReasoning;

/** The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3); its children sit in the owning module. */
final class GraphLayer {
    private final ConvLayer proj;
    private final ConvLayer distribute;
    private final ConvLayer clc0;
    private final ConvLayer clc2;
    private final int nodes;
    private final double slope;
    private final NodeAggregation aggregation;

    GraphLayer(GraphReasoning graph, String prefix, ParameterStore store) {
        proj = ConvLayer.of(graph.proj().spec(), Names.child(prefix, graph.proj()), store);
        distribute = ConvLayer.of(graph.distribute().spec(), Names.child(prefix, graph.distribute()), store);
        clc0 = ConvLayer.of(graph.clc0().spec(), Names.child(prefix, graph.clc0()), store);
        clc2 = ConvLayer.of(graph.clc2().spec(), Names.child(prefix, graph.clc2()), store);
        nodes = graph.nodes();
        slope = graph.slope();
        aggregation = graph.aggregation();
    }

    /** Yn = CLC(aggregate(X)): B x N x C. */
    NDArray nodeStates(NDArray x, Call call) {
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
    NDArray pixelWeights(NDArray x, Call call) {
        long[] s = x.getShape().getShape();
        NDArray logits = distribute.apply(x, call);
        NDArray weights = logits.reshape(s[0], nodes, s[2] * s[3]).softmax(1);
        call.free(logits);
        return weights;
    }
}
