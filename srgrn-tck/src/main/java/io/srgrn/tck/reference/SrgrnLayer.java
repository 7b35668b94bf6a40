package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SrgrnSpec}, the whole network: {@code grrb(upsample.k(...(upsample.0(RDN(x)))))}. The
 * RDN's parameters sit at the network's own level, so it shares the network's path.
 */
public final class SrgrnLayer implements ReferenceLayer {
    private final List<ReferenceLayer> stages = new ArrayList<>();

    public SrgrnLayer(SrgrnSpec spec, ParameterPath path, PixelShuffle shuffle) {
        stages.add(new RdnLayer(spec.rdn(), path));
        for (Child<GrumSpec> grum : spec.upsample()) {
            stages.add(new GrumLayer(grum.spec(), path.child(grum), shuffle));
        }
        stages.add(new GrrbLayer(spec.grrb().spec(), path.child(spec.grrb())));
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        List<Traced> traces = new ArrayList<>();
        DoubleTensor h = x;
        for (ReferenceLayer stage : stages) {
            Traced traced = stage.forward(h, params);
            traces.add(traced);
            h = traced.output();
        }
        return new Traced(
                h,
                upstream -> {
                    DoubleTensor grad = upstream;
                    for (int i = traces.size() - 1; i >= 0; i--) {
                        grad = traces.get(i).backprop().backward(grad);
                    }
                    return grad;
                });
    }
}
