package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Residual dense block: feats = [x]; feats += relu(conv(concat(feats))); lff(concat(feats)) + x.
 */
final class RdbLayer implements DjlLayer {
    private final List<Conv2dLayer> convs = new ArrayList<>();
    private final Conv2dLayer lff;

    RdbLayer(RdbSpec spec, ParameterPath path, ParameterStore store) {
        for (Child<Conv2dSpec> conv : spec.convs()) {
            convs.add(new Conv2dLayer(conv.spec(), path.child(conv), store));
        }
        lff = new Conv2dLayer(spec.lff().spec(), path.child(spec.lff()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return call.scoped(
                () -> {
                    List<NDArray> feats = new ArrayList<>();
                    feats.add(x);
                    for (Conv2dLayer conv : convs) {
                        List<NDArray> sofar = List.copyOf(feats);
                        // Each step's concatenation and pre-ReLU output go as soon as the ReLU
                        // exists.
                        feats.add(call.scoped(() -> Ops.relu(conv.apply(concat(sofar), call))));
                    }
                    return lff.apply(concat(feats), call).add(x);
                });
    }

    static NDArray concat(List<NDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : Ops.concatChannels(parts);
    }
}
