package io.srgrn.api.spi;

import io.srgrn.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adam's state: steps taken and both moments per parameter (empty maps before the first step). */
public record OptimizerState(
        long step, Map<String, Tensor> firstMoment, Map<String, Tensor> secondMoment) {
    public OptimizerState {
        if (step < 0) {
            throw new IllegalArgumentException("optimizer step must be >= 0, got " + step);
        }
        firstMoment = Collections.unmodifiableMap(new LinkedHashMap<>(firstMoment));
        secondMoment = Collections.unmodifiableMap(new LinkedHashMap<>(secondMoment));
    }

    public static OptimizerState initial() {
        return new OptimizerState(0, Map.of(), Map.of());
    }
}
