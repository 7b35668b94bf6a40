package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Residual dense block (SPEC 3): one feature buffer (B, G0 + C*G, H, W) holds x and every conv's
 * ReLU output; conv i reads its first G0 + i*G channels (copied out contiguously for cuDNN).
 * Backward walks the convs in reverse, adding each conv's input gradient into the slices it read.
 */
final class RdbLayer implements CudaLayer {
    private final RdbSpec spec;
    private final LayerEnv env;
    private final List<Conv2dLayer> convs = new ArrayList<>();
    private final Conv2dLayer lff;
    private DeviceTensor feats;

    RdbLayer(RdbSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
        spec.convs().forEach(c -> convs.add(new Conv2dLayer(c.spec(), env.child(c))));
        lff = new Conv2dLayer(spec.lff().spec(), env.child(spec.lff()));
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor x) {
        DeviceOps ops = env.ops();
        int b = x.dim(0), h = x.dim(2), w = x.dim(3), g0 = spec.g0(), g = spec.g();
        feats = scope.tensor(b, g0 + spec.c() * g, h, w);
        Concat.copy(ops, feats, 0, x, 0, g0, false);
        for (int i = 0; i < spec.c(); i++) {
            DeviceTensor in = Concat.slice(ops, scope, feats, 0, g0 + i * g);
            DeviceTensor y = convs.get(i).forward(scope, in);
            ops.kernel(Kernel.RELU_FORWARD, y.count(), y.address(), y.address(), y.count());
            Concat.copy(ops, feats, g0 + i * g, y, 0, g, false);
        }
        DeviceTensor out = lff.forward(scope, feats);
        ops.kernel(Kernel.ADD_INTO, out.count(), out.address(), x.address(), out.count());
        return out;
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        DeviceOps ops = env.ops();
        int g0 = spec.g0(), g = spec.g();
        DeviceTensor dFeats = lff.backward(scope, dy);
        for (int i = spec.c() - 1; i >= 0; i--) {
            int offset = g0 + i * g;
            DeviceTensor dOut = Concat.slice(ops, scope, dFeats, offset, g);
            DeviceTensor out = Concat.slice(ops, scope, feats, offset, g);
            ops.kernel(
                    Kernel.RELU_BACKWARD,
                    dOut.count(),
                    dOut.address(),
                    dOut.address(),
                    out.address(),
                    dOut.count());
            DeviceTensor dIn = convs.get(i).backward(scope, dOut);
            Concat.copy(ops, dFeats, 0, dIn, 0, offset, true);
        }
        DeviceTensor dx = Concat.slice(ops, scope, dFeats, 0, g0);
        ops.kernel(Kernel.ADD_INTO, dx.count(), dx.address(), dy.address(), dx.count());
        return dx;
    }
}
