package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.GrrbSpec;

/** Global reasoning reconstruction block (SPEC 3.5): tail.1(tail.0(gamma * Yrc + F_S)). */
final class GrrbLayer implements Layer {
    private final GraphLayer graph;
    private final ParameterStore.Slot gamma;
    private final ConvLayer tail0;
    private final ConvLayer tail1;

    GrrbLayer(GrrbSpec spec, String prefix, ParameterStore store) {
        if (spec.reasoning()) {
            graph = new GraphLayer(spec.graph(), prefix, store);
            gamma = store.slot(Names.param(prefix, spec.parameter(GrrbSpec.GAMMA)));
        } else {
            graph = null;
            gamma = null;
        }
        tail0 = ConvLayer.of(spec.tail0().spec(), Names.child(prefix, spec.tail0()), store);
        tail1 = ConvLayer.of(spec.tail1().spec(), Names.child(prefix, spec.tail1()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        NDArray in = x;
        if (graph != null) {
            long[] s = x.getShape().getShape();
            NDArray yn = graph.nodeStates(x, call);
            NDArray weights = graph.pixelWeights(x, call);
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
