package io.srgrn.tck.reference;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;

/** {@link Conv1dSpec}: kernel-size-1 convolution with its own weight and bias (named as Conv2d's, SPEC 2). */
public record Conv1dLayer(Conv1dSpec spec) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor input, ParameterScope scope) {
        DoubleTensor weight = scope.value(Conv2dSpec.WEIGHT);
        DoubleTensor out = Conv1dOp.forward(input, weight, scope.value(Conv2dSpec.BIAS));
        return new Traced(out, upstream -> {
            LinearGradients g = Conv1dOp.backward(input, weight, upstream);
            scope.accumulate(Conv2dSpec.WEIGHT, g.weight());
            scope.accumulate(Conv2dSpec.BIAS, g.bias());
            return g.input();
        });
    }
}
