package io.srgrn.tck.reference;

import java.util.Arrays;
import java.util.Map;

/**
 * The network's parameters and the gradient sums of one pass, by full SPEC name; layers find their
 * names through their {@link io.srgrn.api.spec.ParameterPath}.
 */
public final class ReferenceParameters {
    private final Map<String, DoubleTensor> values;
    private final Map<String, DoubleTensor> gradients;

    /** {@code gradients} receives the sums by full name. */
    public ReferenceParameters(
            Map<String, DoubleTensor> values, Map<String, DoubleTensor> gradients) {
        this.values = values;
        this.gradients = gradients;
    }

    public DoubleTensor value(String name) {
        DoubleTensor t = values.get(name);
        if (t == null) {
            throw new IllegalArgumentException("reference: no parameter '" + name + "'");
        }
        return t;
    }

    /** A parameter of shape [1] (the gammas) as a number. */
    public double scalar(String name) {
        DoubleTensor t = value(name);
        if (t.size() != 1) {
            throw new IllegalArgumentException(
                    "reference: parameter '"
                            + name
                            + "' is not a scalar: "
                            + Arrays.toString(t.shape()));
        }
        return t.data()[0];
    }

    /**
     * Adds {@code gradient} to the sum kept for the parameter (a parameter may be used more than
     * once).
     */
    public void accumulate(String name, DoubleTensor gradient) {
        gradients.merge(
                name,
                gradient.copy(),
                (sum, g) -> {
                    sum.addInPlace(g);
                    return sum;
                });
    }
}
