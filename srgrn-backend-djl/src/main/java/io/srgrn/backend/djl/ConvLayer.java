package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;

/** Conv2d (kernel 1 or 3, same padding) or Conv1d (kernel 1), with bias. */
final class ConvLayer implements Layer {
    private final ParameterStore.Slot weight;
    private final ParameterStore.Slot bias;
    private final int padding;
    private final boolean twoD;

    private ConvLayer(ParameterStore.Slot weight, ParameterStore.Slot bias, int padding, boolean twoD) {
        this.weight = weight;
        this.bias = bias;
        this.padding = padding;
        this.twoD = twoD;
    }

    static ConvLayer of(Conv2dSpec spec, String prefix, ParameterStore store) {
        return new ConvLayer(store.slot(Names.param(prefix, spec.parameter(Conv2dSpec.WEIGHT))),
                store.slot(Names.param(prefix, spec.parameter(Conv2dSpec.BIAS))), spec.padding(), true);
    }

    static ConvLayer of(Conv1dSpec spec, String prefix, ParameterStore store) {
        return new ConvLayer(store.slot(Names.param(prefix, spec.parameter(Conv2dSpec.WEIGHT))),
                store.slot(Names.param(prefix, spec.parameter(Conv2dSpec.BIAS))), 0, false);
    }

    @Override
    public NDArray apply(NDArray x, Call call) {
        return twoD ? Ops.conv2d(x, weight.value(), bias.value(), padding) : Ops.conv1d(x, weight.value(), bias.value());
    }
}
