package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SrgrnSpec}, the whole network: {@code grrb(upsample.k(...(upsample.0(RDN(x)))))}. The RDN's
 * parameters sit at the top level, so it runs in the network's own scope.
 */
public record SrgrnLayer(SrgrnSpec spec, PixelShuffle shuffle) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor input, ParameterScope scope) {
        List<Traced> stages = new ArrayList<>();
        stages.add(new RdnLayer(spec.rdn()).forward(input, scope));
        for (Child<GrumSpec> grum : spec.upsample()) {
            DoubleTensor previous = stages.get(stages.size() - 1).output();
            stages.add(new GrumLayer(grum.spec(), shuffle).forward(previous, scope.child(grum)));
        }
        DoubleTensor features = stages.get(stages.size() - 1).output();
        stages.add(new GrrbLayer(spec.grrb().spec()).forward(features, scope.child(spec.grrb())));
        return new Traced(stages.get(stages.size() - 1).output(), upstream -> {
            DoubleTensor grad = upstream;
            for (int i = stages.size() - 1; i >= 0; i--) {
                grad = stages.get(i).backprop().backward(grad);
            }
            return grad;
        });
    }
}
