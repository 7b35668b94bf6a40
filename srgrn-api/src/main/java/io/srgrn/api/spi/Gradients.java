package io.srgrn.api.spi;

import io.srgrn.api.tensor.Tensor;
import java.util.Map;

/**
 * Result of {@link Module#backward}.
 *
 * @param input gradient with respect to the input, shaped like it
 * @param parameters gradient of every parameter by SPEC name, in spec order
 */
public record Gradients(Tensor input, Map<String, Tensor> parameters) {
    public Gradients {
        parameters =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
