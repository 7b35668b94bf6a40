package io.srgrn.tck.reference;

import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.ParameterPath;

/**
 * The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3), on X (B, C, H, W):
 *
 * <pre>
 * P  = proj(X).reshape(B, N, HW);  Yw = aggregate(P, X.reshape(B, C, HW))     B x N x C
 * Yn = clc.2(leaky_relu(clc.0(Yw)))                                           B x N x C
 * Wp = softmax over N of distribute(X).reshape(B, N, HW)                      B x N x HW
 * </pre>
 *
 * Its children's parameters live in the owning module's path.
 */
public final class GraphReasoningLayer {
    private final GraphReasoning graph;
    private final Conv2dLayer proj;
    private final Conv2dLayer distribute;
    private final Conv1dLayer clc0;
    private final Conv1dLayer clc2;

    /** Gradients of Yn and Wp back to the gradient of X. */
    @FunctionalInterface
    public interface Backprop2 {
        DoubleTensor backward(DoubleTensor nodesGrad, DoubleTensor weightsGrad);
    }

    /** The node states Yn, the distribution weights Wp, and the way back. */
    public record Trace(DoubleTensor nodes, DoubleTensor weights, Backprop2 backprop) {}

    public GraphReasoningLayer(GraphReasoning graph, ParameterPath path) {
        this.graph = graph;
        proj = new Conv2dLayer(graph.proj().spec(), path.child(graph.proj()));
        distribute = new Conv2dLayer(graph.distribute().spec(), path.child(graph.distribute()));
        clc0 = new Conv1dLayer(graph.clc0().spec(), path.child(graph.clc0()));
        clc2 = new Conv1dLayer(graph.clc2().spec(), path.child(graph.clc2()));
    }

    public Trace forward(DoubleTensor x, ReferenceParameters params) {
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        int nodes = graph.nodes();
        DoubleTensor features = x.reshape(batch, channels, h * w);

        Traced projected = proj.forward(x, params);
        DoubleTensor nodeWeights = projected.output().reshape(batch, nodes, h * w);
        DoubleTensor pooled = NodeAggregationOp.forward(nodeWeights, features, graph.aggregation());
        Traced reasoned0 = clc0.forward(pooled, params);
        DoubleTensor activated = LeakyReluOp.forward(reasoned0.output(), graph.slope());
        Traced reasoned2 = clc2.forward(activated, params);

        Traced logits = distribute.forward(x, params);
        DoubleTensor weights = NodeSoftmaxOp.forward(logits.output().reshape(batch, nodes, h * w));

        return new Trace(
                reasoned2.output(),
                weights,
                (nodesGrad, weightsGrad) -> {
                    DoubleTensor pooledGrad =
                            reasoned0
                                    .backprop()
                                    .backward(
                                            LeakyReluOp.backward(
                                                    reasoned0.output(),
                                                    reasoned2.backprop().backward(nodesGrad),
                                                    graph.slope()));
                    PairGradients agg =
                            NodeAggregationOp.backward(
                                    nodeWeights, features, pooledGrad, graph.aggregation());
                    DoubleTensor xGrad = agg.second().reshape(batch, channels, h, w);
                    xGrad.addInPlace(
                            projected.backprop().backward(agg.first().reshape(batch, nodes, h, w)));
                    DoubleTensor logitsGrad = NodeSoftmaxOp.backward(weights, weightsGrad);
                    xGrad.addInPlace(
                            logits.backprop().backward(logitsGrad.reshape(batch, nodes, h, w)));
                    return xGrad;
                });
    }
}
