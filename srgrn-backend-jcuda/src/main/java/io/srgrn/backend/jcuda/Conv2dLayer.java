package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Conv2dSpec;

/** Conv2d with bias through cuDNN: forward, backward data, backward filter and bias (SPEC 2). */
final class Conv2dLayer implements CudaLayer {
    private final Conv2dSpec spec;
    private final LayerEnv env;
    private DeviceTensor x;
    private ConvDescriptor shape;

    Conv2dLayer(Conv2dSpec spec, LayerEnv env) {
        this.spec = spec;
        this.env = env;
    }

    @Override
    public DeviceTensor forward(CallScope scope, DeviceTensor input) {
        x = input;
        shape = ConvDescriptor.of(spec, input.shape(), env.ops().tf32());
        return env.ops()
                .conv2d(
                        scope,
                        shape,
                        input,
                        env.value(Conv2dSpec.WEIGHT),
                        env.value(Conv2dSpec.BIAS));
    }

    @Override
    public DeviceTensor backward(CallScope scope, DeviceTensor upstream) {
        return env.ops()
                .conv2dBackward(
                        scope,
                        shape,
                        x,
                        env.value(Conv2dSpec.WEIGHT),
                        upstream,
                        env.grad(Conv2dSpec.WEIGHT),
                        env.grad(Conv2dSpec.BIAS));
    }
}
