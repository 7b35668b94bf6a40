package io.srgrn.tck.reference;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The double-precision reference of one {@link LayerSpec}: forward, and backward of {@code
 * sum(output * upstream)}. Stateless: parameters are passed in by SPEC name.
 */
public final class ReferenceModel {
    private final LayerSpec spec;
    private final ReferenceLayer layer;

    public ReferenceModel(LayerSpec spec) {
        this(spec, PixelShuffle.SPEC);
    }

    /** With another pixel shuffle: only for test doubles that show the kit catches a wrong one. */
    public ReferenceModel(LayerSpec spec, PixelShuffle shuffle) {
        this.spec = spec;
        this.layer = ReferenceLayers.build(spec, shuffle);
    }

    public LayerSpec spec() {
        return spec;
    }

    public DoubleTensor forward(Map<String, DoubleTensor> parameters, DoubleTensor input) {
        spec.outputShape(input.shape());
        requireParameters(parameters);
        return layer.forward(input, new ReferenceParameters(parameters, new HashMap<>())).output();
    }

    public ReferenceGradients gradients(
            Map<String, DoubleTensor> parameters, DoubleTensor input, DoubleTensor upstream) {
        int[] outShape = spec.outputShape(input.shape());
        if (!Arrays.equals(outShape, upstream.shape())) {
            throw new ShapeMismatchException(
                    "upstream gradient for "
                            + spec.describe()
                            + " must have shape "
                            + Arrays.toString(outShape)
                            + ", got "
                            + Arrays.toString(upstream.shape()));
        }
        requireParameters(parameters);
        Map<String, DoubleTensor> sums = new HashMap<>();
        Traced traced = layer.forward(input, new ReferenceParameters(parameters, sums));
        DoubleTensor inputGrad = traced.backprop().backward(upstream);
        Map<String, DoubleTensor> ordered = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            // a parameter the pass never reached has gradient zero
            ordered.put(p.name(), sums.getOrDefault(p.name(), DoubleTensor.zeros(p.shape())));
        }
        if (!ordered.keySet().containsAll(sums.keySet())) {
            throw new IllegalStateException(
                    "reference used parameters outside " + spec.describe() + ": " + sums.keySet());
        }
        return new ReferenceGradients(traced.output(), inputGrad, ordered);
    }

    /** Float32 parameters widened to double, in spec order. */
    public static Map<String, DoubleTensor> widen(Map<String, Tensor> parameters) {
        Map<String, DoubleTensor> out = new LinkedHashMap<>();
        parameters.forEach((name, t) -> out.put(name, DoubleTensor.from(t)));
        return out;
    }

    private void requireParameters(Map<String, DoubleTensor> parameters) {
        for (ParamSpec p : spec.parameters()) {
            DoubleTensor t = parameters.get(p.name());
            if (t == null) {
                throw new IllegalArgumentException(
                        "reference: missing parameter '" + p.name() + "' of " + spec.describe());
            }
            if (!p.hasShape(t.shape())) {
                throw new ShapeMismatchException(
                        "reference: parameter '"
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
}
