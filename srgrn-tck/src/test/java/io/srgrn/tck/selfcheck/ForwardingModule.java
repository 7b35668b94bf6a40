package io.srgrn.tck.selfcheck;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;

/** A module that hands every call to another; test doubles override the call they break. */
class ForwardingModule implements Module {
    protected final Module delegate;

    ForwardingModule(Module delegate) {
        this.delegate = delegate;
    }

    @Override
    public LayerSpec spec() {
        return delegate.spec();
    }

    @Override
    public Tensor forward(Tensor input) {
        return delegate.forward(input);
    }

    @Override
    public Gradients backward(Tensor input, Tensor upstream) {
        return delegate.backward(input, upstream);
    }

    @Override
    public void adamStep(AdamSettings adam, double learningRate) {
        delegate.adamStep(adam, learningRate);
    }

    @Override
    public float trainStep(Tensor input, Tensor target, AdamSettings adam, double learningRate) {
        return delegate.trainStep(input, target, adam, learningRate);
    }

    @Override
    public Tensor parameter(String name) {
        return delegate.parameter(name);
    }

    @Override
    public Map<String, Tensor> parameters() {
        return delegate.parameters();
    }

    @Override
    public void setParameters(Map<String, Tensor> values) {
        delegate.setParameters(values);
    }

    @Override
    public OptimizerState optimizerState() {
        return delegate.optimizerState();
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        delegate.setOptimizerState(state);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
