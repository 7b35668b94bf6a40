package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/** The whole network: RDN (parameters at the top level), the GRUM chain, GRRB. */
final class SrgrnLayer implements TorchLayer {
    private final RdnLayer rdn;
    private final List<GrumLayer> upsample = new ArrayList<>();
    private final GrrbLayer grrb;

    SrgrnLayer(ParamScope scope, SrgrnSpec spec, NativeHandles handles) {
        rdn = new RdnLayer(scope, spec.rdn(), handles);
        for (Child<GrumSpec> grum : spec.upsample()) {
            upsample.add(new GrumLayer(scope.child(grum), grum.spec(), handles));
        }
        grrb = new GrrbLayer(scope.child(spec.grrb()), spec.grrb().spec(), handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        List<TorchLayer> stages = new ArrayList<>();
        stages.add(rdn);
        stages.addAll(upsample);
        stages.add(grrb);
        return Intermediates.chain(stages, x);
    }
}
