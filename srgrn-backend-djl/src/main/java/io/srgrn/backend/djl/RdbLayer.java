package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;

/** Residual dense block: feats = [x]; feats += relu(conv(concat(feats))); lff(concat(feats)) + x. */
final class RdbLayer implements Layer {
    private final List<ConvLayer> convs = new ArrayList<>();
    private final ConvLayer lff;

    RdbLayer(RdbSpec spec, String prefix, ParameterStore store) {
        spec.convs().forEach(c -> convs.add(ConvLayer.of(c.spec(), Names.child(prefix, c), store)));
        lff = ConvLayer.of(spec.lff().spec(), Names.child(prefix, spec.lff()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        List<NDArray> feats = new ArrayList<>(convs.size() + 1);
        feats.add(x);
        for (ConvLayer conv : convs) {
            feats.add(Ops.relu(conv.apply(concat(feats), call)));
        }
        return lff.apply(concat(feats), call).add(x);
    }

    static NDArray concat(List<NDArray> arrays) {
        return arrays.size() == 1 ? arrays.get(0) : Ops.concatChannels(arrays);
    }
}
