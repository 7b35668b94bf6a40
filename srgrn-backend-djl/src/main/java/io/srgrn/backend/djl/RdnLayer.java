package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/** RDN feature extraction: F_L = gff.1(gff.0(concat(out_0 .. out_{D-1}))) + sfe1(x). */
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
        NDArray f1 = sfe1.apply(x, call);
        NDArray f0 = sfe2.apply(f1, call);
        NDArray h = f0;
        List<NDArray> outs = new ArrayList<>(rdbs.size());
        for (RdbLayer rdb : rdbs) {
            h = rdb.apply(h, call);
            outs.add(h);
        }
        call.free(f0);
        NDArray cat = RdbLayer.concat(outs);
        if (outs.size() > 1) {
            call.free(outs.toArray(NDArray[]::new));
        }
        NDArray g0 = gff0.apply(cat, call);
        call.free(cat);
        NDArray g1 = gff1.apply(g0, call);
        call.free(g0);
        NDArray out = g1.add(f1);
        call.free(g1, f1);
        return out;
    }
}
