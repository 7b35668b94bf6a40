package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** {@code Conv2d(in, out, k, padding k/2)} with bias, stride 1. */
final class Conv2dLayer implements JavaCppLayer {
    private static final long[] STRIDE = {1, 1};
    private static final long[] DILATION = {1, 1};

    private final Tensor weight;
    private final TensorOptional bias;
    private final long[] padding;

    Conv2dLayer(Conv2dSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        this.weight = store.leaf(path.name(Conv2dSpec.WEIGHT));
        this.bias = handles.keep(new TensorOptional(store.leaf(path.name(Conv2dSpec.BIAS))));
        this.padding = new long[] {spec.padding(), spec.padding()};
    }

    @Override
    public Tensor forward(Tensor x) {
        return torch.conv2d(x, weight, bias, STRIDE, padding, DILATION, 1);
    }
}
