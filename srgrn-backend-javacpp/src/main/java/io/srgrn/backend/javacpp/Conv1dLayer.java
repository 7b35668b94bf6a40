package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/** {@code Conv1d(in, out, 1)} with bias on (B, C, L). */
final class Conv1dLayer implements TorchLayer {
    private static final long[] ONE = {1};
    private static final long[] ZERO = {0};

    private final Tensor weight;
    private final TensorOptional bias;

    Conv1dLayer(ParamScope scope, Conv1dSpec spec, NativeHandles handles) {
        // Conv1dSpec names its parameters with Conv2dSpec's constants (see Conv1dSpec.parameters).
        this.weight = scope.param(Conv2dSpec.WEIGHT);
        this.bias = handles.keep(new TensorOptional(scope.param(Conv2dSpec.BIAS)));
    }

    @Override
    public Tensor forward(Tensor x) {
        return torch.conv1d(x, weight, bias, ONE, ZERO, ONE, 1);
    }
}
