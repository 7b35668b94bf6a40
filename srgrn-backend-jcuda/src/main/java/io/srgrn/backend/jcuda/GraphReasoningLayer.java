package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.GraphReasoning;

/**
 * SPEC 3.1 to 3.3 on X (B, C, H, W): P = proj(X) (B, N, HW); Yw = s * P @ X^T (B, N, C); Yn =
 * clc.2(leaky_relu(clc.0(Yw))); Wp = softmax over N of distribute(X). Backward takes the gradients
 * of Yn and Wp and returns X's.
 */
final class GraphReasoningLayer {
    private final GraphReasoning graph;
    private final LayerEnv env;
    private final Conv2dLayer proj;
    private final Conv2dLayer distribute;
    private final Conv1dLayer clc0;
    private final Conv1dLayer clc2;
    private DeviceTensor x;
    private DeviceTensor p;
    private DeviceTensor clc0Out;
    private DeviceTensor wp;
    private float scale;

    GraphReasoningLayer(GraphReasoning graph, LayerEnv env) {
        this.graph = graph;
        this.env = env;
        proj = new Conv2dLayer(graph.proj().spec(), env.child(graph.proj()));
        distribute = new Conv2dLayer(graph.distribute().spec(), env.child(graph.distribute()));
        clc0 = new Conv1dLayer(graph.clc0().spec(), env.child(graph.clc0()));
        clc2 = new Conv1dLayer(graph.clc2().spec(), env.child(graph.clc2()));
    }

    /** Yn (B, N, C); {@link #weights()} holds Wp afterwards. */
    DeviceTensor forward(CallScope scope, DeviceTensor input) {
        DeviceOps ops = env.ops();
        x = input;
        int b = x.dim(0), c = x.dim(1), hw = x.dim(2) * x.dim(3), n = graph.nodes();
        scale = GraphGemms.aggregationScale(graph.aggregation(), hw);
        p = proj.forward(scope, x).reshape(b, n, hw);
        DeviceTensor yw = scope.tensor(b, n, c);
        ops.gemm(GraphGemms.aggregate(b, n, c, hw, scale), p, x, yw);
        clc0Out = clc0.forward(scope, yw);
        DeviceTensor activated = scope.tensor(b, n, c);
        ops.kernel(
                Kernel.LEAKY_RELU_FORWARD,
                activated.count(),
                activated.address(),
                clc0Out.address(),
                (float) graph.slope(),
                activated.count());
        DeviceTensor yn = clc2.forward(scope, activated);
        DeviceTensor logits = distribute.forward(scope, x).reshape(b, n, hw);
        wp = scope.tensor(b, n, hw);
        ops.kernel(
                Kernel.NODE_SOFTMAX_FORWARD,
                (long) b * hw,
                wp.address(),
                logits.address(),
                n,
                hw,
                (long) b * hw);
        return yn;
    }

    DeviceTensor weights() {
        return wp;
    }

    DeviceTensor backward(CallScope scope, DeviceTensor dYn, DeviceTensor dWp) {
        DeviceOps ops = env.ops();
        int b = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3), hw = h * w, n = graph.nodes();
        DeviceTensor dAct = clc2.backward(scope, dYn);
        ops.kernel(
                Kernel.LEAKY_RELU_BACKWARD,
                dAct.count(),
                dAct.address(),
                dAct.address(),
                clc0Out.address(),
                (float) graph.slope(),
                dAct.count());
        DeviceTensor dYw = clc0.backward(scope, dAct);
        DeviceTensor dP = scope.tensor(b, n, hw);
        ops.gemm(GraphGemms.aggregateGradP(b, n, c, hw, scale), dYw, x, dP);
        DeviceTensor dx = proj.backward(scope, dP.reshape(b, n, h, w));
        ops.gemm(GraphGemms.aggregateGradX(b, n, c, hw, scale), dYw, p, dx);
        DeviceTensor dLogits = scope.tensor(b, n, h, w);
        ops.kernel(
                Kernel.NODE_SOFTMAX_BACKWARD,
                (long) b * hw,
                dLogits.address(),
                dWp.address(),
                wp.address(),
                n,
                hw,
                (long) b * hw);
        DeviceTensor dx2 = distribute.backward(scope, dLogits);
        ops.kernel(Kernel.ADD_INTO, dx.count(), dx.address(), dx2.address(), dx.count());
        return dx;
    }
}
