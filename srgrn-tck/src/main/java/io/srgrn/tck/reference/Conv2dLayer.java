package io.srgrn.tck.reference;

import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;

/** {@link Conv2dSpec}: convolution with its own weight and bias. */
public final class Conv2dLayer implements ReferenceLayer {
    private final String weight;
    private final String bias;

    public Conv2dLayer(Conv2dSpec spec, ParameterPath path) {
        weight = path.name(Conv2dSpec.WEIGHT);
        bias = path.name(Conv2dSpec.BIAS);
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        DoubleTensor w = params.value(weight);
        DoubleTensor out = Conv2dOp.forward(x, w, params.value(bias));
        return new Traced(
                out,
                upstream -> {
                    LinearGradients g = Conv2dOp.backward(x, w, upstream);
                    params.accumulate(weight, g.weight());
                    params.accumulate(bias, g.bias());
                    return g.input();
                });
    }
}
