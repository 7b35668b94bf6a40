package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.GrumSpec;

/**
 * GRUM (SPEC 3.4): Ys = gamma * shuffle(Ync @ Wp) + (1 - gamma) * shuffle(subpixel(F)); F_S =
 * fuse(Ys), with Ync = expand.2(leaky_relu(expand.0(Yn^T))). Without reasoning:
 * fuse(shuffle(subpixel(F))).
 */
final class GrumLayer implements CudaLayer {
    private final GrumSpec spec;
    private final LayerEnv env;
    private final Conv2dLayer subpixel;
    private final Conv2dLayer fuse;
    private final GraphReasoningLayer graph;
    private final Conv1dLayer expand0;
    private final Conv1dLayer expand2;
    private DeviceTensor upsampled;
    private DeviceTensor e0;
    private DeviceTensor ync;
    private DeviceTensor reasoned;

    GrumLayer(GrumSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
        subpixel = new Conv2dLayer(spec.subpixel().spec(), env.child(spec.subpixel()));
        fuse = new Conv2dLayer(spec.fuse().spec(), env.child(spec.fuse()));
        if (spec.reasoning()) {
            graph = new GraphReasoningLayer(spec.graph(), env);
            expand0 = new Conv1dLayer(spec.expand0().spec(), env.child(spec.expand0()));
            expand2 = new Conv1dLayer(spec.expand2().spec(), env.child(spec.expand2()));
        } else {
            graph = null;
            expand0 = null;
            expand2 = null;
        }
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor x) {
        DeviceOps ops = env.ops();
        int r = spec.r();
        upsampled = PixelShuffle.forward(ops, scope, subpixel.forward(scope, x), r);
        if (!spec.reasoning()) {
            return fuse.forward(scope, upsampled);
        }
        int b = x.dim(0),
                h = x.dim(2),
                w = x.dim(3),
                n = spec.nodes(),
                expanded = r * r * spec.channels();
        DeviceTensor yn = graph.forward(scope, x);
        e0 = expand0.forward(scope, Transpose.of(ops, scope, yn));
        DeviceTensor act = scope.tensor(e0.shape());
        ops.kernel(
                Kernel.LEAKY_RELU_FORWARD,
                act.count(),
                act.address(),
                e0.address(),
                (float) spec.slope(),
                act.count());
        ync = expand2.forward(scope, act);
        DeviceTensor yrc = scope.tensor(b, expanded, h, w);
        ops.gemm(GraphGemms.distribute(b, expanded, n, h * w), ync, graph.weights(), yrc);
        reasoned = PixelShuffle.forward(ops, scope, yrc, r);
        DeviceTensor blended = scope.tensor(upsampled.shape());
        ops.kernel(
                Kernel.GAMMA_MIX_FORWARD,
                blended.count(),
                blended.address(),
                reasoned.address(),
                upsampled.address(),
                env.value(GrumSpec.GAMMA).address(),
                blended.count());
        return fuse.forward(scope, blended);
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        DeviceOps ops = env.ops();
        int r = spec.r();
        DeviceTensor dBlended = fuse.backward(scope, dy);
        if (!spec.reasoning()) {
            return subpixel.backward(scope, PixelShuffle.backward(ops, scope, dBlended, r));
        }
        ops.reduce(scope, 1, dBlended, reasoned, upsampled, 1f, env.grad(GrumSpec.GAMMA), true);
        DeviceTensor dReasoned = scope.tensor(dBlended.shape());
        DeviceTensor dUpsampled = scope.tensor(dBlended.shape());
        ops.kernel(
                Kernel.GAMMA_MIX_BACKWARD,
                dBlended.count(),
                dReasoned.address(),
                dUpsampled.address(),
                dBlended.address(),
                env.value(GrumSpec.GAMMA).address(),
                dBlended.count());
        DeviceTensor dx =
                subpixel.backward(scope, PixelShuffle.backward(ops, scope, dUpsampled, r));

        DeviceTensor dYrc = PixelShuffle.backward(ops, scope, dReasoned, r);
        int b = dYrc.dim(0),
                expanded = dYrc.dim(1),
                hw = dYrc.dim(2) * dYrc.dim(3),
                n = spec.nodes();
        DeviceTensor dYnc = scope.tensor(b, expanded, n);
        ops.gemm(GraphGemms.distributeGradLeft(b, expanded, n, hw), dYrc, graph.weights(), dYnc);
        DeviceTensor dWp = scope.tensor(b, n, hw);
        ops.gemm(GraphGemms.distributeGradWeights(b, expanded, n, hw), ync, dYrc, dWp);
        DeviceTensor dAct = expand2.backward(scope, dYnc);
        ops.kernel(
                Kernel.LEAKY_RELU_BACKWARD,
                dAct.count(),
                dAct.address(),
                dAct.address(),
                e0.address(),
                (float) spec.slope(),
                dAct.count());
        DeviceTensor dYn = Transpose.of(ops, scope, expand0.backward(scope, dAct));
        DeviceTensor dx2 = graph.backward(scope, dYn, dWp);
        ops.kernel(Kernel.ADD_INTO, dx.count(), dx.address(), dx2.address(), dx.count());
        return dx;
    }
}
