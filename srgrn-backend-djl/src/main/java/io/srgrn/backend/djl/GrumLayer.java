package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;

/** Global reasoning upsampling module (SPEC 3.4): (B, C, H, W) to (B, C, rH, rW). */
final class GrumLayer implements DjlLayer {
    private final GrumSpec spec;
    private final GraphReasoningLayer graph;
    private final Conv1dLayer expand0;
    private final Conv1dLayer expand2;
    private final ParameterStore.Slot gamma;
    private final Conv2dLayer subpixel;
    private final Conv2dLayer fuse;

    GrumLayer(GrumSpec spec, ParameterPath path, ParameterStore store) {
        this.spec = spec;
        if (spec.reasoning()) {
            graph = new GraphReasoningLayer(spec.graph(), path, store);
            expand0 = new Conv1dLayer(spec.expand0().spec(), path.child(spec.expand0()), store);
            expand2 = new Conv1dLayer(spec.expand2().spec(), path.child(spec.expand2()), store);
            gamma = store.slot(path.name(GrumSpec.GAMMA));
        } else {
            graph = null;
            expand0 = null;
            expand2 = null;
            gamma = null;
        }
        subpixel = new Conv2dLayer(spec.subpixel().spec(), path.child(spec.subpixel()), store);
        fuse = new Conv2dLayer(spec.fuse().spec(), path.child(spec.fuse()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return call.scoped(
                () -> {
                    NDArray blended = call.scoped(() -> blend(x, call));
                    NDArray shuffled = call.scoped(() -> Ops.pixelShuffle(blended, spec.r()));
                    return fuse.apply(shuffled, call);
                });
    }

    /** H_UP, or with reasoning gamma * Yrc + (1 - gamma) * H_UP, before the pixel shuffle. */
    private NDArray blend(NDArray x, Call call) {
        NDArray up = subpixel.apply(x, call);
        if (!spec.reasoning()) {
            return up;
        }
        long[] s = x.getShape().getShape();
        NDArray yrc =
                call.scoped(
                        () -> {
                            NDArray yn = graph.nodes(x, call);
                            NDArray wp = graph.weights(x, call);
                            NDArray ync =
                                    expand2.apply(
                                            Ops.leakyRelu(
                                                    expand0.apply(yn.transpose(0, 2, 1), call),
                                                    spec.slope()),
                                            call);
                            return ync.matMul(wp)
                                    .reshape(s[0], (long) spec.r() * spec.r() * s[1], s[2], s[3]);
                        });
        // gamma * ps(Yrc) + (1 - gamma) * ps(up) == ps(gamma * Yrc + (1 - gamma) * up) element for
        // element: the pixel shuffle only moves elements, so one shuffle does both.
        NDArray g = gamma.value();
        return yrc.mul(g).add(up.mul(call.scalar(1).sub(g)));
    }
}
