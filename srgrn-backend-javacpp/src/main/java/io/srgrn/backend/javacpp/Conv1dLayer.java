package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** {@code Conv1d(in, out, 1)} with bias on (B, C, L). */
final class Conv1dLayer implements JavaCppLayer {
    private static final long[] ONE = {1};
    private static final long[] ZERO = {0};

    private final Tensor weight;
    private final TensorOptional bias;

    Conv1dLayer(Conv1dSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        // Conv1dSpec names its parameters with Conv2dSpec's constants (see Conv1dSpec.parameters).
        this.weight = store.leaf(path.name(Conv2dSpec.WEIGHT));
        this.bias = handles.keep(new TensorOptional(store.leaf(path.name(Conv2dSpec.BIAS))));
    }

    @Override
    public Tensor forward(Tensor x) {
        return torch.conv1d(x, weight, bias, ONE, ZERO, ONE, 1);
    }
}
