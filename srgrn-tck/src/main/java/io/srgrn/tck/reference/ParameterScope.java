package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import java.util.Arrays;
import java.util.Map;

/**
 * A layer's view of the network's parameters and gradient sums: names are relative to the layer
 * and resolved through the spec's {@link Child} names ({@code rdbs.0.} + {@code convs.1.} + {@code weight}).
 */
public final class ParameterScope {
    private final Map<String, DoubleTensor> values;
    private final Map<String, DoubleTensor> gradients;
    private final String prefix;

    private ParameterScope(Map<String, DoubleTensor> values, Map<String, DoubleTensor> gradients, String prefix) {
        this.values = values;
        this.gradients = gradients;
        this.prefix = prefix;
    }

    /** The top-level scope: {@code gradients} receives the sums by full name. */
    public static ParameterScope root(Map<String, DoubleTensor> values, Map<String, DoubleTensor> gradients) {
        return new ParameterScope(values, gradients, "");
    }

    public ParameterScope child(Child<?> child) {
        return new ParameterScope(values, gradients, prefix + child.name() + ".");
    }

    public DoubleTensor value(String name) {
        DoubleTensor t = values.get(prefix + name);
        if (t == null) {
            throw new IllegalArgumentException("reference: no parameter '" + prefix + name + "'");
        }
        return t;
    }

    /** A parameter of shape [1] (the gammas) as a number. */
    public double scalar(String name) {
        DoubleTensor t = value(name);
        if (t.size() != 1) {
            throw new IllegalArgumentException("reference: parameter '" + prefix + name + "' is not a scalar: "
                    + Arrays.toString(t.shape()));
        }
        return t.data()[0];
    }

    /** Adds {@code gradient} to the sum kept for the parameter (a parameter may be used more than once). */
    public void accumulate(String name, DoubleTensor gradient) {
        gradients.merge(prefix + name, gradient.copy(), (sum, g) -> {
            sum.addInPlace(g);
            return sum;
        });
    }
}
