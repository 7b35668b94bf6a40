package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/** The whole network: RDN (parameters at the top level), the GRUM chain, GRRB. */
final class SrgrnLayer implements DjlLayer {
    private final RdnLayer rdn;
    private final List<GrumLayer> upsample = new ArrayList<>();
    private final GrrbLayer grrb;

    SrgrnLayer(SrgrnSpec spec, ParameterPath path, ParameterStore store) {
        rdn = new RdnLayer(spec.rdn(), path, store);
        for (Child<GrumSpec> grum : spec.upsample()) {
            upsample.add(new GrumLayer(grum.spec(), path.child(grum), store));
        }
        grrb = new GrrbLayer(spec.grrb().spec(), path.child(spec.grrb()), store);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        List<DjlLayer> stages = new ArrayList<>();
        stages.add(rdn);
        stages.addAll(upsample);
        stages.add(grrb);
        return call.chain(stages, x);
    }
}
