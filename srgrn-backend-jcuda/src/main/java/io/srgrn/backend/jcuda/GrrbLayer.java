package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.GrrbSpec;

/**
 * GRRB (SPEC 3.5): I_SR = tail.1(tail.0(gamma * (Yn^T @ Wp) + F_S)). Without reasoning: the tails
 * only.
 */
final class GrrbLayer implements CudaLayer {
    private final GrrbSpec spec;
    private final LayerEnv env;
    private final GraphReasoningLayer graph;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;
    private DeviceTensor ynT;
    private DeviceTensor yrc;

    GrrbLayer(GrrbSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
        graph = spec.reasoning() ? new GraphReasoningLayer(spec.graph(), env) : null;
        tail0 = new Conv2dLayer(spec.tail0().spec(), env.child(spec.tail0()));
        tail1 = new Conv2dLayer(spec.tail1().spec(), env.child(spec.tail1()));
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor x) {
        if (!spec.reasoning()) {
            return tail1.forward(scope, tail0.forward(scope, x));
        }
        DeviceOps ops = env.ops();
        int b = x.dim(0), c = x.dim(1), hw = x.dim(2) * x.dim(3), n = spec.nodes();
        ynT = Transpose.of(ops, scope, graph.forward(scope, x));
        yrc = scope.tensor(x.shape());
        ops.gemm(GraphGemms.distribute(b, c, n, hw), ynT, graph.weights(), yrc);
        DeviceTensor blended = scope.tensor(x.shape());
        ops.kernel(
                Kernel.GAMMA_RESIDUAL_FORWARD,
                blended.count(),
                blended.address(),
                yrc.address(),
                x.address(),
                env.value(GrrbSpec.GAMMA).address(),
                blended.count());
        return tail1.forward(scope, tail0.forward(scope, blended));
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        DeviceTensor dBlended = tail0.backward(scope, tail1.backward(scope, dy));
        if (!spec.reasoning()) {
            return dBlended;
        }
        DeviceOps ops = env.ops();
        int b = dBlended.dim(0),
                c = dBlended.dim(1),
                hw = dBlended.dim(2) * dBlended.dim(3),
                n = spec.nodes();
        ops.reduce(scope, 0, dBlended, yrc, null, 1f, env.grad(GrrbSpec.GAMMA), true);
        DeviceTensor dYrc = scope.tensor(dBlended.shape());
        ops.kernel(
                Kernel.GAMMA_SCALE,
                dYrc.count(),
                dYrc.address(),
                dBlended.address(),
                env.value(GrrbSpec.GAMMA).address(),
                dYrc.count());
        DeviceTensor dYnT = scope.tensor(b, c, n);
        ops.gemm(GraphGemms.distributeGradLeft(b, c, n, hw), dYrc, graph.weights(), dYnT);
        DeviceTensor dWp = scope.tensor(b, n, hw);
        ops.gemm(GraphGemms.distributeGradWeights(b, c, n, hw), ynT, dYrc, dWp);
        DeviceTensor dx = graph.backward(scope, Transpose.of(ops, scope, dYnT), dWp);
        // the residual: F_S's gradient through "+ F_S" is dBlended itself
        ops.kernel(Kernel.ADD_INTO, dx.count(), dx.address(), dBlended.address(), dx.count());
        return dx;
    }
}
