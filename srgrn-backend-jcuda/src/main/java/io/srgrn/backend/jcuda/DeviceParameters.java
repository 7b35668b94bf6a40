package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A module's parameters on the device by SPEC name, with their gradient buffers and Adam's two
 * moments. Gradients are zeroed before each backward and accumulated by the layers (beta 1), so a
 * parameter used twice would sum correctly. Everything here lives until the module closes.
 */
final class DeviceParameters implements AutoCloseable {
    private final DeviceAllocator allocator;
    private final DeviceOps ops;
    private final Map<String, DeviceTensor> values = new LinkedHashMap<>();
    private final Map<String, DeviceTensor> grads = new LinkedHashMap<>();
    private final Map<String, DeviceTensor> firstMoment = new LinkedHashMap<>();
    private final Map<String, DeviceTensor> secondMoment = new LinkedHashMap<>();
    private long step;

    DeviceParameters(
            LayerSpec spec, Map<String, Tensor> initial, DeviceAllocator allocator, DeviceOps ops) {
        this.allocator = allocator;
        this.ops = ops;
        for (ParamSpec p : spec.parameters()) {
            values.put(p.name(), persistent(p.shape()));
            grads.put(p.name(), persistent(p.shape()));
            firstMoment.put(p.name(), persistent(p.shape()));
            secondMoment.put(p.name(), persistent(p.shape()));
        }
        assign(initial);
        zeroMoments();
    }

    private DeviceTensor persistent(int[] shape) {
        return new DeviceTensor(allocator.allocate(Tensors.count(shape) * Float.BYTES), shape);
    }

    DeviceTensor value(String name) {
        return require(values, name);
    }

    DeviceTensor grad(String name) {
        return require(grads, name);
    }

    private static DeviceTensor require(Map<String, DeviceTensor> map, String name) {
        DeviceTensor t = map.get(name);
        if (t == null) {
            throw new NoSuchElementException("no device parameter '" + name + "'");
        }
        return t;
    }

    Map<String, DeviceTensor> values() {
        return values;
    }

    Map<String, DeviceTensor> grads() {
        return grads;
    }

    /** Copies host values in (names and shapes already checked). */
    void assign(Map<String, Tensor> host) {
        host.forEach((name, t) -> ops.copyIn(value(name), t.data()));
    }

    void zeroGrads() {
        grads.values().forEach(ops::fillZero);
    }

    private void zeroMoments() {
        firstMoment.values().forEach(ops::fillZero);
        secondMoment.values().forEach(ops::fillZero);
        step = 0;
    }

    /** One Adam step over every parameter from the current gradients (SPEC 5, torch.optim.Adam). */
    void adamStep(double beta1, double beta2, double eps, double learningRate) {
        step++;
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, step)));
        float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, step));
        for (String name : values.keySet()) {
            DeviceTensor p = values.get(name);
            ops.kernel(
                    Kernel.ADAM_UPDATE,
                    p.count(),
                    p.address(),
                    grads.get(name).address(),
                    firstMoment.get(name).address(),
                    secondMoment.get(name).address(),
                    (float) beta1,
                    (float) beta2,
                    (float) eps,
                    stepSize,
                    correction2Sqrt,
                    p.count());
        }
    }

    long step() {
        return step;
    }

    Map<String, Tensor> download(Map<String, DeviceTensor> which) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        which.forEach((name, t) -> out.put(name, ops.download(t)));
        return out;
    }

    Map<String, DeviceTensor> firstMoment() {
        return firstMoment;
    }

    Map<String, DeviceTensor> secondMoment() {
        return secondMoment;
    }

    /**
     * Restores Adam's state: moments for every parameter at {@code step} > 0, or none at step 0.
     */
    void restore(long newStep, Map<String, Tensor> m, Map<String, Tensor> v) {
        if (newStep == 0) {
            zeroMoments();
            return;
        }
        m.forEach((name, t) -> ops.copyIn(require(firstMoment, name), t.data()));
        v.forEach((name, t) -> ops.copyIn(require(secondMoment, name), t.data()));
        step = newStep;
    }

    @Override
    public void close() {
        for (Map<String, DeviceTensor> map :
                java.util.List.of(values, grads, firstMoment, secondMoment)) {
            map.values().forEach(t -> allocator.release(t.buffer()));
            map.clear();
        }
    }
}
