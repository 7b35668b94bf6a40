package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;

/** {@code Conv2d(in, out, k, padding k/2)} with bias, stride 1. */
final class Conv2dLayer implements DjlLayer {
    private final ParameterStore.Slot weight;
    private final ParameterStore.Slot bias;
    private final int padding;

    Conv2dLayer(Conv2dSpec spec, ParameterPath path, ParameterStore store) {
        weight = store.slot(path.name(Conv2dSpec.WEIGHT));
        bias = store.slot(path.name(Conv2dSpec.BIAS));
        padding = spec.padding();
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return Ops.conv2d(x, weight.value(), bias.value(), padding);
    }
}
