package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;

/**
 * Global reasoning upsampling module (SPEC 3.4). {@code gamma * ps(Yrc) + (1 - gamma) * ps(sub)} is
 * computed as {@code ps(gamma * Yrc + (1 - gamma) * sub)}: the pixel shuffle only permutes elements,
 * so both give bit-identical values and gradients, with one shuffle instead of two.
 */
final class GrumLayer implements DjlLayer {
    private final GraphReasoningLayer graph;
    private final Conv1dLayer expand0;
    private final Conv1dLayer expand2;
    private final ParameterStore.Slot gamma;
    private final Conv2dLayer subpixel;
    private final Conv2dLayer fuse;
    private final int r;
    private final int rrc;
    private final double slope;

    GrumLayer(GrumSpec spec, ParameterPath path, ParameterStore store) {
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
        r = spec.r();
        rrc = spec.subpixel().spec().outChannels();
        slope = spec.slope();
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        NDArray sub = subpixel.apply(x, call);
        NDArray blended = sub;
        if (graph != null) {
            long[] s = x.getShape().getShape();
            NDArray yn = graph.nodes(x, call);
            NDArray ync = expand2.apply(Ops.leakyRelu(expand0.apply(yn.transpose(0, 2, 1), call), slope), call);
            NDArray weights = graph.weights(x, call);
            NDArray yrc = ync.matMul(weights).reshape(s[0], rrc, s[2], s[3]);
            call.free(weights);
            NDArray g = gamma.value();
            NDArray reasoned = yrc.mul(g);
            call.free(yrc);
            NDArray kept = sub.mul(call.scalar(1).sub(g));
            call.free(sub);
            blended = reasoned.add(kept);
            call.free(reasoned, kept);
        }
        NDArray shuffled = Ops.pixelShuffle(blended, r);
        call.free(blended);
        NDArray out = fuse.apply(shuffled, call);
        call.free(shuffled);
        return out;
    }
}
