package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;

/** Residual dense block: feats = [x]; feats += relu(conv(concat(feats))); lff(concat(feats)) + x. */
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
        return call.scoped(() -> {
            List<NDArray> feats = new ArrayList<>(convs.size() + 1);
            feats.add(x);
            for (Conv2dLayer conv : convs) {
                NDArray in = concat(feats);
                NDArray y = conv.apply(in, call);
                freeConcat(in, feats, call);
                feats.add(Ops.relu(y));
                call.free(y);
            }
            NDArray in = concat(feats);
            // x is the caller's; only the features made here are freed.
            call.free(feats.subList(1, feats.size()).toArray(NDArray[]::new));
            NDArray fused = lff.apply(in, call);
            freeConcat(in, feats, call);
            NDArray out = fused.add(x);
            call.free(fused);
            return out;
        });
    }

    static NDArray concat(List<NDArray> arrays) {
        return arrays.size() == 1 ? arrays.get(0) : Ops.concatChannels(arrays);
    }

    /** Frees what {@link #concat} made from {@code arrays}, unless it is one of them. */
    static void freeConcat(NDArray concatenated, List<NDArray> arrays, Call call) {
        if (arrays.size() > 1) {
            call.free(concatenated);
        }
    }
}
