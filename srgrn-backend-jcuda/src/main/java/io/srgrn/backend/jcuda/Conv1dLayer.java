package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;

/**
 * Conv1d(in, out, 1) with bias on (B, in, L) as cuBLAS GEMMs ({@link GraphGemms}): y[b] = W x[b] +
 * bias. The weight [out, in, 1] is an out x in matrix as stored.
 */
final class Conv1dLayer implements CudaLayer {
    private final Conv1dSpec spec;
    private final LayerEnv env;
    private DeviceTensor x;

    Conv1dLayer(Conv1dSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor input) {
        x = input;
        int b = input.dim(0), l = input.dim(2), out = spec.outChannels();
        DeviceTensor y = scope.tensor(b, out, l);
        env.ops()
                .gemm(
                        GraphGemms.conv1d(b, spec.inChannels(), out, l),
                        env.value(Conv2dSpec.WEIGHT),
                        input,
                        y);
        env.ops()
                .kernel(
                        Kernel.BIAS_ADD_NCL,
                        y.count(),
                        y.address(),
                        env.value(Conv2dSpec.BIAS).address(),
                        out,
                        l,
                        y.count());
        return y;
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor dy) {
        int b = x.dim(0), in = spec.inChannels(), out = spec.outChannels(), l = x.dim(2);
        DeviceTensor dx = scope.tensor(b, in, l);
        env.ops()
                .gemm(
                        GraphGemms.conv1dGradInput(b, in, out, l),
                        env.value(Conv2dSpec.WEIGHT),
                        dy,
                        dx);
        GemmStridedBatched gw = GraphGemms.conv1dGradWeight(in, out, l);
        DeviceTensor dw = env.grad(Conv2dSpec.WEIGHT);
        for (int i = 0; i < b; i++) {
            env.ops()
                    .gemmAt(
                            gw,
                            dy.address() + (long) i * out * l * Float.BYTES,
                            x.address() + (long) i * in * l * Float.BYTES,
                            dw.address());
        }
        env.ops()
                .kernel(
                        Kernel.BIAS_GRAD_NCL,
                        out,
                        env.grad(Conv2dSpec.BIAS).address(),
                        dy.address(),
                        b,
                        out,
                        l);
        return dx;
    }
}
