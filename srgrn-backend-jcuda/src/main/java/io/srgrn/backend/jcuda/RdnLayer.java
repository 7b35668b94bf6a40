package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * RDN feature extraction (SPEC 3): f1 = sfe1(x); h = sfe2(f1); h = rdb_d(h) with every block's
 * output copied into one (B, D*G0, H, W) buffer; F_L = gff.1(gff.0(that)) + f1.
 */
final class RdnLayer implements CudaLayer {
    private final RdnSpec spec;
    private final LayerEnv env;
    private final Conv2dLayer sfe1;
    private final Conv2dLayer sfe2;
    private final List<RdbLayer> rdbs = new ArrayList<>();
    private final Conv2dLayer gff0;
    private final Conv2dLayer gff1;

    RdnLayer(RdnSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
        sfe1 = new Conv2dLayer(spec.sfe1().spec(), env.child(spec.sfe1()));
        sfe2 = new Conv2dLayer(spec.sfe2().spec(), env.child(spec.sfe2()));
        spec.rdbs().forEach(c -> rdbs.add(new RdbLayer(c.spec(), env.child(c))));
        gff0 = new Conv2dLayer(spec.gff0().spec(), env.child(spec.gff0()));
        gff1 = new Conv2dLayer(spec.gff1().spec(), env.child(spec.gff1()));
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor x) {
        DeviceOps ops = env.ops();
        int g0 = spec.g0();
        DeviceTensor f1 = sfe1.forward(scope, x);
        DeviceTensor h = sfe2.forward(scope, f1);
        DeviceTensor outs = scope.tensor(x.dim(0), spec.d() * g0, x.dim(2), x.dim(3));
        for (int d = 0; d < spec.d(); d++) {
            h = rdbs.get(d).forward(scope, h);
            Concat.copy(ops, outs, d * g0, h, 0, g0, false);
        }
        DeviceTensor out = gff1.forward(scope, gff0.forward(scope, outs));
        ops.kernel(Kernel.ADD_INTO, out.count(), out.address(), f1.address(), out.count());
        return out;
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        DeviceOps ops = env.ops();
        int g0 = spec.g0();
        DeviceTensor dOuts = gff0.backward(scope, gff1.backward(scope, dy));
        DeviceTensor dh = null;
        for (int d = spec.d() - 1; d >= 0; d--) {
            DeviceTensor dOut = Concat.slice(ops, scope, dOuts, d * g0, g0);
            if (dh != null) {
                ops.kernel(
                        Kernel.ADD_INTO, dOut.count(), dOut.address(), dh.address(), dOut.count());
            }
            dh = rdbs.get(d).backward(scope, dOut);
        }
        DeviceTensor dF1 = sfe2.backward(scope, dh);
        ops.kernel(Kernel.ADD_INTO, dF1.count(), dF1.address(), dy.address(), dF1.count());
        return sfe1.backward(scope, dF1);
    }
}
