package io.srgrn.api.train;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Module with a spec's parameters but a toy loss, |mean(target) - mean(params)|, optimised with
 * real Adam: enough to test the trainer's loop, schedule and checkpoints without a native backend.
 */
final class ToyModule implements Module {
    private final LayerSpec spec;
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private Map<String, Tensor> m = new LinkedHashMap<>();
    private Map<String, Tensor> v = new LinkedHashMap<>();
    private long step;
    final java.util.List<Double> learningRates = new java.util.ArrayList<>();

    ToyModule(LayerSpec spec, Map<String, Tensor> initial) {
        this.spec = spec;
        initial.forEach((k, t) -> params.put(k, t.copy()));
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("toy");
    }

    @Override
    public Gradients backward(Tensor input, Tensor upstream) {
        throw new UnsupportedOperationException("toy");
    }

    @Override
    public void adamStep(AdamSettings adam, double learningRate) {
        throw new UnsupportedOperationException("toy");
    }

    @Override
    public float trainStep(Tensor input, Tensor target, AdamSettings adam, double lr) {
        learningRates.add(lr);
        double mean = 0;
        long n = 0;
        for (Tensor t : params.values()) {
            for (float x : t.data()) {
                mean += x;
                n++;
            }
        }
        mean /= n;
        double goal = 0;
        for (float x : target.data()) {
            goal += x;
        }
        goal /= target.size();
        float loss = (float) Math.abs(goal - mean);
        float g = (float) (Math.signum(mean - goal) / n);
        step++;
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            float[] p = e.getValue().data();
            float[] mm =
                    m.computeIfAbsent(e.getKey(), k -> Tensor.zeros(e.getValue().shape())).data();
            float[] vv =
                    v.computeIfAbsent(e.getKey(), k -> Tensor.zeros(e.getValue().shape())).data();
            for (int i = 0; i < p.length; i++) {
                mm[i] = (float) (adam.beta1() * mm[i] + (1 - adam.beta1()) * g);
                vv[i] = (float) (adam.beta2() * vv[i] + (1 - adam.beta2()) * g * g);
                double mh = mm[i] / (1 - Math.pow(adam.beta1(), step));
                double vh = vv[i] / (1 - Math.pow(adam.beta2(), step));
                p[i] -= (float) (lr * mh / (Math.sqrt(vh) + adam.eps()));
            }
        }
        return loss;
    }

    @Override
    public Tensor parameter(String name) {
        return params.get(name).copy();
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        params.forEach((k, t) -> out.put(k, t.copy()));
        return out;
    }

    @Override
    public void setParameters(Map<String, Tensor> values) {
        ParameterCheck.requireKnown(spec, values);
        values.forEach((k, t) -> params.put(k, t.copy()));
    }

    @Override
    public OptimizerState optimizerState() {
        return new OptimizerState(step, copy(m), copy(v));
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        step = state.step();
        m = copy(state.firstMoment());
        v = copy(state.secondMoment());
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> source) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        source.forEach((k, t) -> out.put(k, t.copy()));
        return out;
    }

    @Override
    public void close() {}
}
