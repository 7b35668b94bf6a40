package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.ParameterPath;

/** Global reasoning reconstruction block (SPEC 3.5): tail.1(tail.0(gamma * Yrc + F_S)). */
final class GrrbLayer implements DjlLayer {
    private final GraphReasoningLayer graph;
    private final ParameterStore.Slot gamma;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;

    GrrbLayer(GrrbSpec spec, ParameterPath path, ParameterStore store) {
        if (spec.reasoning()) {
            graph = new GraphReasoningLayer(spec.graph(), path, store);
            gamma = store.slot(path.name(GrrbSpec.GAMMA));
        } else {
            graph = null;
            gamma = null;
        }
        tail0 = new Conv2dLayer(spec.tail0().spec(), path.child(spec.tail0()), store);
        tail1 = new Conv2dLayer(spec.tail1().spec(), path.child(spec.tail1()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        NDArray in = x;
        if (graph != null) {
            long[] s = x.getShape().getShape();
            NDArray yn = graph.nodes(x, call);
            NDArray weights = graph.weights(x, call);
            NDArray yrc = yn.transpose(0, 2, 1).matMul(weights).reshape(s[0], s[1], s[2], s[3]);
            call.free(weights);
            NDArray reasoned = yrc.mul(gamma.value());
            call.free(yrc);
            in = reasoned.add(x);
            call.free(reasoned);
        }
        NDArray t0 = tail0.apply(in, call);
        if (in != x) {
            call.free(in);
        }
        NDArray out = tail1.apply(t0, call);
        call.free(t0);
        return out;
    }
}
