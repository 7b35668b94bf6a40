package io.srgrn.tck;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AbstractModule;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.AdamState;
import io.srgrn.tck.reference.DoubleTensor;
import io.srgrn.tck.reference.ReferenceGradients;
import io.srgrn.tck.reference.ReferenceModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ReferenceModel} with its parameters, last gradients and Adam state, behind the {@link
 * io.srgrn.api.spi.Module} SPI. Parameters and moments are kept in double; they cross the SPI as
 * float32.
 */
final class ReferenceModule extends AbstractModule {
    private final ReferenceModel model;
    private final Map<String, DoubleTensor> parameters = new LinkedHashMap<>();
    private Map<String, DoubleTensor> lastGradients;
    private AdamState adam = new AdamState();

    ReferenceModule(ReferenceModel model, Map<String, Tensor> initial) {
        super(model.spec());
        this.model = model;
        for (ParamSpec p : model.spec().parameters()) {
            parameters.put(p.name(), DoubleTensor.from(initial.get(p.name())));
        }
    }

    @Override
    protected Tensor doForward(Tensor input, int[] outputShape) {
        return model.forward(parameters, DoubleTensor.from(input)).toTensor();
    }

    @Override
    protected Gradients doBackward(Tensor input, Tensor upstream) {
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
    protected void doAdamStep(AdamSettings settings, double learningRate) {
        adam.step(parameters, lastGradients, settings, learningRate);
    }

    @Override
    protected float doTrainStep(
            Tensor input, Tensor target, AdamSettings settings, double learningRate) {
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
        ReferenceGradients g =
                model.gradients(parameters, x, DoubleTensor.of(upstream, out.shape()));
        adam.step(parameters, g.parameters(), settings, learningRate);
        return (float) (loss / o.length);
    }

    @Override
    protected Tensor doParameter(ParamSpec parameter) {
        return parameters.get(parameter.name()).toTensor();
    }

    @Override
    protected void doSetParameters(Map<String, Tensor> values) {
        values.forEach((name, t) -> parameters.put(name, DoubleTensor.from(t)));
    }

    @Override
    protected OptimizerState doOptimizerState() {
        return new OptimizerState(
                adam.steps(),
                toFloat(inSpecOrder(adam.firstMoment())),
                toFloat(inSpecOrder(adam.secondMoment())));
    }

    @Override
    protected void doSetOptimizerState(OptimizerState state) {
        adam =
                new AdamState(
                        state.step(),
                        ReferenceModel.widen(state.firstMoment()),
                        ReferenceModel.widen(state.secondMoment()));
    }

    @Override
    protected void doClose() {
        // plain Java memory: nothing to free
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
}
