package io.srgrn.tck.reference;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;

/**
 * {@link Conv1dSpec}: kernel-size-1 convolution with its own weight and bias (named as Conv2d's,
 * SPEC 2).
 */
public final class Conv1dLayer implements ReferenceLayer {
    private final String weight;
    private final String bias;

    public Conv1dLayer(Conv1dSpec spec, ParameterPath path) {
        weight = path.name(Conv2dSpec.WEIGHT);
        bias = path.name(Conv2dSpec.BIAS);
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        DoubleTensor w = params.value(weight);
        DoubleTensor out = Conv1dOp.forward(x, w, params.value(bias));
        return new Traced(
                out,
                upstream -> {
                    LinearGradients g = Conv1dOp.backward(x, w, upstream);
                    params.accumulate(weight, g.weight());
                    params.accumulate(bias, g.bias());
                    return g.input();
                });
    }
}
