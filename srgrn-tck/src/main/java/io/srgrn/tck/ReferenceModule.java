package io.srgrn.tck;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.AdamState;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceGradients;
import io.srgrn.tck.reference.ReferenceModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ReferenceModel} with its parameters, last gradients and Adam state, behind the
 * {@link Module} SPI. Parameters and moments are kept in double; they cross the SPI as float32.
 */
final class ReferenceModule implements Module {
    private final ReferenceModel model;
    private final Map<String, DoubleTensor> parameters = new LinkedHashMap<>();
    private Map<String, DoubleTensor> lastGradients;
    private AdamState adam = new AdamState();
    private boolean closed;

    ReferenceModule(ReferenceModel model, Map<String, Tensor> initial) {
        this.model = model;
        for (ParamSpec p : model.spec().parameters()) {
            parameters.put(p.name(), DoubleTensor.from(initial.get(p.name())));
        }
    }

    @Override
    public LayerSpec spec() {
        return model.spec();
    }

    @Override
    public Tensor forward(Tensor input) {
        requireOpen();
        ParameterCheck.requireInput(spec(), input);
        return model.forward(parameters, DoubleTensor.from(input)).toTensor();
    }

    @Override
    public Gradients backward(Tensor input, Tensor upstream) {
        requireOpen();
        ParameterCheck.requireInput(spec(), input);
        ParameterCheck.requireUpstream(spec(), input, upstream);
        return toGradients(gradients(DoubleTensor.from(input), DoubleTensor.from(upstream)));
    }

    private ReferenceGradients gradients(DoubleTensor input, DoubleTensor upstream) {
        ReferenceGradients g = model.gradients(parameters, input, upstream);
        lastGradients = g.parameters();
        return g;
    }

    private static Gradients toGradients(ReferenceGradients g) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        g.parameters().forEach((name, t) -> params.put(name, t.toTensor()));
        return new Gradients(g.input().toTensor(), params);
    }

    @Override
    public void adamStep(AdamSettings settings, double learningRate) {
        requireOpen();
        if (lastGradients == null) {
            throw new IllegalStateException("adamStep on " + spec().describe() + " needs a backward pass first");
        }
        adam.step(parameters, lastGradients, settings, learningRate);
    }

    @Override
    public float trainStep(Tensor input, Tensor target, AdamSettings settings, double learningRate) {
        requireOpen();
        int[] outShape = ParameterCheck.requireInput(spec(), input);
        if (!Arrays.equals(outShape, target.shape())) {
            throw new ShapeMismatchException("target for " + spec().describe() + " must have the output shape "
                    + Arrays.toString(outShape) + ", got " + Arrays.toString(target.shape()));
        }
        DoubleTensor x = DoubleTensor.from(input);
        DoubleTensor out = model.forward(parameters, x);
        double[] o = out.data();
        float[] t = target.data();
        double[] upstream = new double[o.length];
        double loss = 0;
        for (int i = 0; i < o.length; i++) {
            double d = o[i] - t[i];
            loss += Math.abs(d);
            // d|d|/dd is sign(d), 0 at 0 as in PyTorch; the mean divides by the element count
            upstream[i] = Math.signum(d) / o.length;
        }
        gradients(x, DoubleTensor.of(upstream, outShape));
        adam.step(parameters, lastGradients, settings, learningRate);
        return (float) (loss / o.length);
    }

    @Override
    public Tensor parameter(String name) {
        requireOpen();
        DoubleTensor t = parameters.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + spec().describe());
        }
        return t.toTensor();
    }

    @Override
    public Map<String, Tensor> parameters() {
        requireOpen();
        return toFloat(parameters);
    }

    @Override
    public void setParameters(Map<String, Tensor> values) {
        requireOpen();
        ParameterCheck.requireKnown(spec(), values);
        values.forEach((name, t) -> parameters.put(name, DoubleTensor.from(t)));
    }

    @Override
    public OptimizerState optimizerState() {
        requireOpen();
        return new OptimizerState(adam.steps(), toFloat(inSpecOrder(adam.firstMoment())),
                toFloat(inSpecOrder(adam.secondMoment())));
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        requireOpen();
        ParameterCheck.requireKnown(spec(), state.firstMoment());
        ParameterCheck.requireKnown(spec(), state.secondMoment());
        adam = new AdamState(state.step(), ReferenceModel.widen(state.firstMoment()),
                ReferenceModel.widen(state.secondMoment()));
    }

    @Override
    public void close() {
        closed = true;
    }

    private Map<String, DoubleTensor> inSpecOrder(Map<String, DoubleTensor> byName) {
        Map<String, DoubleTensor> ordered = new LinkedHashMap<>();
        for (ParamSpec p : spec().parameters()) {
            if (byName.containsKey(p.name())) {
                ordered.put(p.name(), byName.get(p.name()));
            }
        }
        return ordered;
    }

    private static Map<String, Tensor> toFloat(Map<String, DoubleTensor> values) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        values.forEach((name, t) -> out.put(name, t.toTensor()));
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("module " + spec().describe() + " is closed");
        }
    }
}
