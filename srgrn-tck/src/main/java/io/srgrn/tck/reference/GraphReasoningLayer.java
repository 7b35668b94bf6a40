package io.srgrn.tck.reference;

import io.srgrn.api.spec.GraphReasoning;

/**
 * The graph part shared by GRUM and GRRB (SPEC 3.1 to 3.3), on X (B, C, H, W):
 * <pre>
 * P  = proj(X).reshape(B, N, HW);  Yw = aggregate(P, X.reshape(B, C, HW))     B x N x C
 * Yn = clc.2(leaky_relu(clc.0(Yw)))                                           B x N x C
 * Wp = softmax over N of distribute(X).reshape(B, N, HW)                      B x N x HW
 * </pre>
 * Its children's parameters live in the owning module's scope.
 */
public record GraphReasoningLayer(GraphReasoning graph) {

    /** Gradients of Yn and Wp back to the gradient of X. */
    @FunctionalInterface
    public interface Backprop2 {
        DoubleTensor backward(DoubleTensor nodesGrad, DoubleTensor distributionGrad);
    }

    /** The node states Yn, the distribution weights Wp, and the way back. */
    public record Trace(DoubleTensor nodes, DoubleTensor distribution, Backprop2 backprop) {}

    public Trace forward(DoubleTensor x, ParameterScope scope) {
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        int nodes = graph.nodes();
        DoubleTensor features = x.reshape(batch, channels, h * w);

        Traced proj = new Conv2dLayer(graph.proj().spec()).forward(x, scope.child(graph.proj()));
        DoubleTensor nodeWeights = proj.output().reshape(batch, nodes, h * w);
        DoubleTensor pooled = NodeAggregationOp.forward(nodeWeights, features, graph.aggregation());
        Traced clc0 = new Conv1dLayer(graph.clc0().spec()).forward(pooled, scope.child(graph.clc0()));
        DoubleTensor activated = LeakyReluOp.forward(clc0.output(), graph.slope());
        Traced clc2 = new Conv1dLayer(graph.clc2().spec()).forward(activated, scope.child(graph.clc2()));

        Traced distribute = new Conv2dLayer(graph.distribute().spec()).forward(x, scope.child(graph.distribute()));
        DoubleTensor weights = NodeSoftmaxOp.forward(distribute.output().reshape(batch, nodes, h * w));

        return new Trace(clc2.output(), weights, (nodesGrad, weightsGrad) -> {
            DoubleTensor pooledGrad = clc0.backprop().backward(
                    LeakyReluOp.backward(clc0.output(), clc2.backprop().backward(nodesGrad), graph.slope()));
            PairGradients agg = NodeAggregationOp.backward(nodeWeights, features, pooledGrad, graph.aggregation());
            DoubleTensor xGrad = agg.second().reshape(batch, channels, h, w);
            xGrad.addInPlace(proj.backprop().backward(agg.first().reshape(batch, nodes, h, w)));
            DoubleTensor logitsGrad = NodeSoftmaxOp.backward(weights, weightsGrad);
            xGrad.addInPlace(distribute.backprop().backward(logitsGrad.reshape(batch, nodes, h, w)));
            return xGrad;
        });
    }
}
