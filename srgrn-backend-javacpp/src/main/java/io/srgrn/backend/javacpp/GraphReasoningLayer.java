package io.srgrn.backend.javacpp;

import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.spec.GraphReasoning;
import io.srgrn.api.spec.ParameterPath;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

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
    private final Scalar slope;

    GraphReasoningLayer(
            GraphReasoning graph, ParameterPath path, ParameterStore store, NativeHandles handles) {
        this.graph = graph;
        proj = new Conv2dLayer(graph.proj().spec(), path.child(graph.proj()), store, handles);
        distribute =
                new Conv2dLayer(
                        graph.distribute().spec(), path.child(graph.distribute()), store, handles);
        clc0 = new Conv1dLayer(graph.clc0().spec(), path.child(graph.clc0()), store, handles);
        clc2 = new Conv1dLayer(graph.clc2().spec(), path.child(graph.clc2()), store, handles);
        slope = handles.keep(new Scalar(graph.slope()));
    }

    /** Yn = CLC(aggregate(x)): B x N x C node states of x (B, C, H, W). */
    Tensor nodes(Tensor x) {
        long[] s = x.sizes().vec().get();
        long hw = s[2] * s[3];
        Tensor p = proj.forward(x).reshape(s[0], graph.nodes(), hw);
        Tensor yw = torch.bmm(p, x.reshape(s[0], s[1], hw).transpose(1, 2));
        if (graph.aggregation() == NodeAggregation.MEAN) {
            yw = yw.div(new Scalar((double) hw));
        }
        return clc2.forward(leakyRelu(clc0.forward(yw)));
    }

    /**
     * Wp = softmax over the N nodes of distribute(x): B x N x HW, each pixel's weights sum to 1.
     */
    Tensor weights(Tensor x) {
        long[] s = x.sizes().vec().get();
        return distribute.forward(x).reshape(s[0], graph.nodes(), s[2] * s[3]).softmax(1);
    }

    Tensor leakyRelu(Tensor t) {
        return torch.leaky_relu(t, slope);
    }
}
