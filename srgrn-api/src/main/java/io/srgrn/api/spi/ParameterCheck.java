package io.srgrn.api.spi;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks parameter maps against a spec before a backend touches native memory, so every backend
 * rejects the same maps with the same message.
 */
public final class ParameterCheck {
    private ParameterCheck() {}

    /** {@code values} must hold exactly the spec's parameters, each with the spec's shape. */
    public static void requireComplete(LayerSpec spec, Map<String, Tensor> values) {
        List<String> missing = new ArrayList<>();
        for (ParamSpec p : spec.parameters()) {
            if (!values.containsKey(p.name())) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "missing parameter(s) for " + spec.describe() + ": " + missing);
        }
        requireKnown(spec, values);
    }

    /** Every name in {@code values} must be a parameter of the spec, with its shape. */
    public static void requireKnown(LayerSpec spec, Map<String, Tensor> values) {
        TreeSet<String> unknown = new TreeSet<>(values.keySet());
        for (ParamSpec p : spec.parameters()) {
            unknown.remove(p.name());
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown parameter(s) for " + spec.describe() + ": " + unknown);
        }
        for (ParamSpec p : spec.parameters()) {
            Tensor t = values.get(p.name());
            if (t != null && !p.hasShape(t.shape())) {
                throw new ShapeMismatchException(
                        "parameter '"
                                + p.name()
                                + "' of "
                                + spec.describe()
                                + " must have shape "
                                + Arrays.toString(p.shape())
                                + ", got "
                                + Arrays.toString(t.shape()));
            }
        }
    }

    /** Checks an input tensor against the spec and returns the output shape. */
    public static int[] requireInput(LayerSpec spec, Tensor input) {
        return spec.outputShape(input.shape());
    }

    /** Checks an upstream gradient: it must have the shape of the output for {@code input}. */
    public static void requireUpstream(LayerSpec spec, Tensor input, Tensor upstream) {
        int[] out = spec.outputShape(input.shape());
        if (!Arrays.equals(out, upstream.shape())) {
            throw new ShapeMismatchException(
                    "upstream gradient for "
                            + spec.describe()
                            + " must have the output shape "
                            + Arrays.toString(out)
                            + ", got "
                            + Arrays.toString(upstream.shape()));
        }
    }
}
