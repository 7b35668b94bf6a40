package io.srgrn.tck.reference;

import io.srgrn.api.spec.Conv2dSpec;

/** {@link Conv2dSpec}: convolution with its own weight and bias. */
public record Conv2dLayer(Conv2dSpec spec) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor input, ParameterScope scope) {
        DoubleTensor weight = scope.value(Conv2dSpec.WEIGHT);
        DoubleTensor out = Conv2dOp.forward(input, weight, scope.value(Conv2dSpec.BIAS));
        return new Traced(out, upstream -> {
            LinearGradients g = Conv2dOp.backward(input, weight, upstream);
            scope.accumulate(Conv2dSpec.WEIGHT, g.weight());
            scope.accumulate(Conv2dSpec.BIAS, g.bias());
            return g.input();
        });
    }
}
