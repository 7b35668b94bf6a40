package io.srgrn.tck.reference;

import io.srgrn.api.spi.AdamSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam's step count and moments for a set of named parameters, updated with {@link AdamOp}. A
 * parameter's moments start at zero the first time it is updated, as in PyTorch.
 */
public final class AdamState {
    private long step;
    private final Map<String, DoubleTensor> firstMoment = new LinkedHashMap<>();
    private final Map<String, DoubleTensor> secondMoment = new LinkedHashMap<>();

    public AdamState() {}

    /** A state restored from a checkpoint: the maps are copied. */
    public AdamState(
            long step,
            Map<String, DoubleTensor> firstMoment,
            Map<String, DoubleTensor> secondMoment) {
        if (step < 0) {
            throw new IllegalArgumentException("Adam step count must be >= 0, got " + step);
        }
        this.step = step;
        firstMoment.forEach((k, t) -> this.firstMoment.put(k, t.copy()));
        secondMoment.forEach((k, t) -> this.secondMoment.put(k, t.copy()));
    }

    /**
     * Updates every parameter in {@code parameters} (in place) from its gradient in {@code
     * gradients}.
     */
    public void step(
            Map<String, DoubleTensor> parameters,
            Map<String, DoubleTensor> gradients,
            AdamSettings adam,
            double learningRate) {
        step++;
        for (Map.Entry<String, DoubleTensor> e : parameters.entrySet()) {
            String name = e.getKey();
            DoubleTensor param = e.getValue();
            DoubleTensor grad = gradients.get(name);
            if (grad == null) {
                throw new IllegalArgumentException(
                        "Adam: no gradient for parameter '" + name + "'");
            }
            DoubleTensor m =
                    firstMoment.computeIfAbsent(name, k -> DoubleTensor.zeros(param.shape()));
            DoubleTensor v =
                    secondMoment.computeIfAbsent(name, k -> DoubleTensor.zeros(param.shape()));
            AdamOp.update(param.data(), grad.data(), m.data(), v.data(), step, adam, learningRate);
        }
    }

    public long steps() {
        return step;
    }

    public Map<String, DoubleTensor> firstMoment() {
        return Collections.unmodifiableMap(firstMoment);
    }

    public Map<String, DoubleTensor> secondMoment() {
        return Collections.unmodifiableMap(secondMoment);
    }
}
