package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/** The whole network: RDN, the GRUM chain, GRRB. The RDN's parameters sit at the network's own level. */
final class SrgrnLayer implements Layer {
    private final RdnLayer rdn;
    private final List<GrumLayer> upsample = new ArrayList<>();
    private final GrrbLayer grrb;

    SrgrnLayer(SrgrnSpec spec, String prefix, ParameterStore store) {
        rdn = new RdnLayer(spec.rdn(), prefix, store);
        spec.upsample().forEach(u -> upsample.add(new GrumLayer(u.spec(), Names.child(prefix, u), store)));
        grrb = new GrrbLayer(spec.grrb().spec(), Names.child(prefix, spec.grrb()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        NDArray f = call.scoped(() -> rdn.apply(x, call));
        for (GrumLayer grum : upsample) {
            NDArray in = f;
            f = call.scoped(() -> grum.apply(in, call));
            call.free(in);
        }
        NDArray in = f;
        NDArray out = call.scoped(() -> grrb.apply(in, call));
        call.free(in);
        return out;
    }
}
