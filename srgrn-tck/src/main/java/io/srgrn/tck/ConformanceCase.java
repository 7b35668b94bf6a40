package io.srgrn.tck;

import io.srgrn.api.spec.LayerSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One layer on one input shape with a seed for its weights, input and upstream gradient.
 *
 * @param label a short name for reports, e.g. {@code GRUM r=3 SUM}
 * @param spec the layer
 * @param inputShape the input, batch included
 * @param seed seeds the parameters, the input and the upstream gradient
 */
public record ConformanceCase(String label, LayerSpec spec, int[] inputShape, long seed) {
    public ConformanceCase {
        inputShape = inputShape.clone();
        spec.outputShape(inputShape); // a case must be valid for its layer
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    public int[] outputShape() {
        return spec.outputShape(inputShape);
    }

    /** e.g. {@code GRUM r=3 SUM on 1x8x4x5}. */
    @Override
    public String toString() {
        return label
                + " on "
                + Arrays.stream(inputShape)
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining("x"));
    }
}
