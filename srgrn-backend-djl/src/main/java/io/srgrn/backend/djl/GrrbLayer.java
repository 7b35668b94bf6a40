package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.ParameterPath;

/** Global reasoning reconstruction block (SPEC 3.5): tail.1(tail.0(gamma * Yrc + F_S)). */
final class GrrbLayer implements DjlLayer {
    private final GrrbSpec spec;
    private final GraphReasoningLayer graph;
    private final ParameterStore.Slot gamma;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;

    GrrbLayer(GrrbSpec spec, ParameterPath path, ParameterStore store) {
        this.spec = spec;
        graph = spec.reasoning() ? new GraphReasoningLayer(spec.graph(), path, store) : null;
        gamma = spec.reasoning() ? store.slot(path.name(GrrbSpec.GAMMA)) : null;
        tail0 = new Conv2dLayer(spec.tail0().spec(), path.child(spec.tail0()), store);
        tail1 = new Conv2dLayer(spec.tail1().spec(), path.child(spec.tail1()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return call.scoped(
                () -> {
                    NDArray h =
                            !spec.reasoning()
                                    ? x
                                    : call.scoped(
                                            () -> {
                                                long[] s = x.getShape().getShape();
                                                NDArray yrc =
                                                        graph.nodes(x, call)
                                                                .transpose(0, 2, 1)
                                                                .matMul(graph.weights(x, call))
                                                                .reshape(s[0], s[1], s[2], s[3]);
                                                return yrc.mul(gamma.value()).add(x);
                                            });
                    NDArray t0 = call.scoped(() -> tail0.apply(h, call));
                    return tail1.apply(t0, call);
                });
    }
}
