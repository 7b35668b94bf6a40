package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/** RDN feature extraction: F_L = gff.1(gff.0(concat(rdb outputs))) + sfe1(x). */
final class RdnLayer implements DjlLayer {
    private final Conv2dLayer sfe1;
    private final Conv2dLayer sfe2;
    private final List<RdbLayer> rdbs = new ArrayList<>();
    private final Conv2dLayer gff0;
    private final Conv2dLayer gff1;

    RdnLayer(RdnSpec spec, ParameterPath path, ParameterStore store) {
        sfe1 = new Conv2dLayer(spec.sfe1().spec(), path.child(spec.sfe1()), store);
        sfe2 = new Conv2dLayer(spec.sfe2().spec(), path.child(spec.sfe2()), store);
        for (Child<RdbSpec> rdb : spec.rdbs()) {
            rdbs.add(new RdbLayer(rdb.spec(), path.child(rdb), store));
        }
        gff0 = new Conv2dLayer(spec.gff0().spec(), path.child(spec.gff0()), store);
        gff1 = new Conv2dLayer(spec.gff1().spec(), path.child(spec.gff1()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return call.scoped(
                () -> {
                    NDArray f1 = sfe1.apply(x, call);
                    // The RDB outputs and their concatenation are freed once global fusion has
                    // consumed them.
                    NDArray fused =
                            call.scoped(
                                    () -> {
                                        NDArray h = sfe2.apply(f1, call);
                                        List<NDArray> outs = new ArrayList<>(rdbs.size());
                                        for (RdbLayer rdb : rdbs) {
                                            h = rdb.apply(h, call); // an RDB frees its own
                                            // intermediates
                                            outs.add(h);
                                        }
                                        return gff0.apply(RdbLayer.concat(outs), call);
                                    });
                    return gff1.apply(fused, call).add(f1);
                });
    }
}
