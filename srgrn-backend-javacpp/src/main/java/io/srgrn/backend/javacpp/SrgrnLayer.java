package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/** The whole network: RDN (parameters at the top level), the GRUM chain, GRRB. */
final class SrgrnLayer implements JavaCppLayer {
    private final RdnLayer rdn;
    private final List<GrumLayer> upsample = new ArrayList<>();
    private final GrrbLayer grrb;

    SrgrnLayer(SrgrnSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        rdn = new RdnLayer(spec.rdn(), path, store, handles);
        for (Child<GrumSpec> grum : spec.upsample()) {
            upsample.add(new GrumLayer(grum.spec(), path.child(grum), store, handles));
        }
        grrb = new GrrbLayer(spec.grrb().spec(), path.child(spec.grrb()), store, handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        List<JavaCppLayer> stages = new ArrayList<>();
        stages.add(rdn);
        stages.addAll(upsample);
        stages.add(grrb);
        return Intermediates.chain(stages, x);
    }
}
