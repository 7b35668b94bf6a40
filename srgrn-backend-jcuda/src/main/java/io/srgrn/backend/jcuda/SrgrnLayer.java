package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.SrgrnSpec;
import java.util.ArrayList;
import java.util.List;

/** The whole network (SPEC 3): RDN, one GRUM per upsampling factor, GRRB; backward in reverse. */
final class SrgrnLayer implements CudaLayer {
    private final List<CudaLayer> chain = new ArrayList<>();

    SrgrnLayer(SrgrnSpec spec, LayerEnv env) {
        chain.add(new RdnLayer(spec.rdn(), env));
        spec.upsample().forEach(c -> chain.add(new GrumLayer(c.spec(), env.child(c))));
        chain.add(new GrrbLayer(spec.grrb().spec(), env.child(spec.grrb())));
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor x) {
        DeviceTensor h = x;
        for (CudaLayer l : chain) {
            h = l.forward(scope, h);
        }
        return h;
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        DeviceTensor g = dy;
        for (int i = chain.size() - 1; i >= 0; i--) {
            g = chain.get(i).backward(scope, g);
        }
        return g;
    }
}
