package io.srgrn.api.weights;

import io.srgrn.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of one safetensors file: tensors (converted to float32) by name in file order, and
 * the string metadata of {@code __metadata__} (empty when absent).
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
    public SafetensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The named tensor, or a {@link WeightsFormatException} naming it. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new WeightsFormatException("no tensor '" + name + "' in the file");
        }
        return t;
    }
}
