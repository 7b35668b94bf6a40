package io.srgrn.api.weights;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete, checked set of SRGRN weights: the config, every parameter under its SPEC name, and
 * the file's other metadata (training provenance).
 */
public record SrgrnWeights(
        SrgrnConfig config, Map<String, Tensor> parameters, Map<String, String> metadata) {
    public SrgrnWeights {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
