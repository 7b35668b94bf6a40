package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spi.AdamSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam's step count and moments, on the module's device, updated as {@code torch.optim.Adam} (no
 * weight decay, no amsgrad):
 *
 * <pre>
 * m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2
 * p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * eps is added after the bias-corrected square root, as PyTorch does (DJL's own {@code adamUpdate}
 * adds it before the correction, which is a different optimiser).
 */
final class AdamState implements AutoCloseable {
    private long step;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();

    long step() {
        return step;
    }

    boolean hasMoments() {
        return !first.isEmpty();
    }

    Map<String, NDArray> first() {
        return first;
    }

    Map<String, NDArray> second() {
        return second;
    }

    /** One update of every slot from its current gradient; must run with grad mode off. */
    void update(Iterable<ParameterStore.Slot> slots, AdamSettings adam, double lr, Call call) {
        if (!hasMoments()) {
            for (ParameterStore.Slot s : slots) {
                first.put(s.name(), call.keep(s.value().zerosLike()));
                second.put(s.name(), call.keep(s.value().zerosLike()));
            }
        }
        step++;
        double correction1 = 1 - Math.pow(adam.beta1(), step);
        double correction2 = 1 - Math.pow(adam.beta2(), step);
        NDArray beta1 = call.scalar(adam.beta1());
        NDArray oneMinusBeta1 = call.scalar(1 - adam.beta1());
        NDArray beta2 = call.scalar(adam.beta2());
        NDArray oneMinusBeta2 = call.scalar(1 - adam.beta2());
        NDArray sqrtCorrection2 = call.scalar(Math.sqrt(correction2));
        NDArray eps = call.scalar(adam.eps());
        NDArray stepSize = call.scalar(lr / correction1);
        for (ParameterStore.Slot s : slots) {
            NDArray p = s.value();
            NDArray g = p.getGradient();
            NDArray m = first.get(s.name());
            NDArray v = second.get(s.name());
            m.muli(beta1).addi(g.mul(oneMinusBeta1));
            v.muli(beta2).addi(g.square().muli(oneMinusBeta2));
            NDArray denom = v.sqrt().divi(sqrtCorrection2).addi(eps);
            p.subi(m.div(denom).muli(stepSize));
        }
    }

    /** Replaces step and moments; the arrays become owned by this state. */
    void replace(long newStep, Map<String, NDArray> newFirst, Map<String, NDArray> newSecond) {
        clear();
        step = newStep;
        first.putAll(newFirst);
        second.putAll(newSecond);
    }

    private void clear() {
        first.values().forEach(NDArray::close);
        second.values().forEach(NDArray::close);
        first.clear();
        second.clear();
    }

    @Override
    public void close() {
        clear();
    }
}
