package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;

/** {@code Conv1d(in, out, 1)} with bias on (B, C, L). */
final class Conv1dLayer implements DjlLayer {
    private final ParameterStore.Slot weight;
    private final ParameterStore.Slot bias;

    Conv1dLayer(Conv1dSpec spec, ParameterPath path, ParameterStore store) {
        // Conv1dSpec names its parameters with Conv2dSpec's constants (see Conv1dSpec.parameters).
        weight = store.slot(path.name(Conv2dSpec.WEIGHT));
        bias = store.slot(path.name(Conv2dSpec.BIAS));
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return Ops.conv1d(x, weight.value(), bias.value());
    }
}
