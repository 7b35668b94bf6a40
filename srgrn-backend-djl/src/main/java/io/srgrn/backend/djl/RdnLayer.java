package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/** RDN feature extraction: F_L = gff.1(gff.0(concat(out_0 .. out_{D-1}))) + sfe1(x). */
final class RdnLayer implements Layer {
    private final ConvLayer sfe1;
    private final ConvLayer sfe2;
    private final List<RdbLayer> rdbs = new ArrayList<>();
    private final ConvLayer gff0;
    private final ConvLayer gff1;

    RdnLayer(RdnSpec spec, String prefix, ParameterStore store) {
        sfe1 = ConvLayer.of(spec.sfe1().spec(), Names.child(prefix, spec.sfe1()), store);
        sfe2 = ConvLayer.of(spec.sfe2().spec(), Names.child(prefix, spec.sfe2()), store);
        spec.rdbs().forEach(r -> rdbs.add(new RdbLayer(r.spec(), Names.child(prefix, r), store)));
        gff0 = ConvLayer.of(spec.gff0().spec(), Names.child(prefix, spec.gff0()), store);
        gff1 = ConvLayer.of(spec.gff1().spec(), Names.child(prefix, spec.gff1()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        NDArray f1 = sfe1.apply(x, call);
        NDArray h = sfe2.apply(f1, call);
        List<NDArray> outs = new ArrayList<>(rdbs.size());
        for (RdbLayer rdb : rdbs) {
            h = rdb.apply(h, call);
            outs.add(h);
        }
        return gff1.apply(gff0.apply(RdbLayer.concat(outs), call), call).add(f1);
    }
}
