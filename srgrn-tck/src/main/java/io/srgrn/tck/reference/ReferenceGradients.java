package io.srgrn.tck.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A forward and backward pass of the reference: the output, and the gradients of {@code sum(output
 * * upstream)} with respect to the input and every parameter (spec order).
 */
public record ReferenceGradients(
        DoubleTensor output, DoubleTensor input, Map<String, DoubleTensor> parameters) {
    public ReferenceGradients {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
