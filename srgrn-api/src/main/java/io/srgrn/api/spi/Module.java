package io.srgrn.api.spi;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;

/**
 * A layer spec compiled by a backend: forward, backward, parameters by SPEC name and Adam.
 *
 * <p>Backends implement it by extending {@link AbstractModule}, which writes the contract once:
 * every method that takes an input first checks it with {@link LayerSpec#outputShape}, so a bad
 * rank or channel count fails with {@link io.srgrn.api.ShapeMismatchException} on every backend
 * alike; calls from several threads run one at a time; a closed module refuses calls; and optimizer
 * states follow one rule (see {@link AbstractModule}).
 */
public interface Module extends AutoCloseable {

    LayerSpec spec();

    /** Forward pass without autograd. The output is not clamped. */
    Tensor forward(Tensor input);

    /**
     * Gradients of {@code sum(forward(input) * upstream)} with respect to the input and every
     * parameter. The parameter gradients are also kept for {@link #adamStep}.
     */
    Gradients backward(Tensor input, Tensor upstream);

    /**
     * One Adam update (PyTorch's, with bias correction) from the gradients of the last {@link
     * #backward}; the moments and step count live in the module.
     */
    void adamStep(AdamSettings adam, double learningRate);

    /**
     * One training step done entirely inside the backend: forward, L1 loss (mean absolute error)
     * against {@code target}, backward and Adam. Returns the loss before the update.
     */
    float trainStep(Tensor input, Tensor target, AdamSettings adam, double learningRate);

    /**
     * A copy of one parameter.
     *
     * @throws IllegalArgumentException when the spec has no parameter of that name
     */
    Tensor parameter(String name);

    /** Copies of every parameter, in spec order. */
    Map<String, Tensor> parameters();

    /**
     * Replaces parameters by name. All names and shapes are checked before anything changes, so a
     * bad map leaves the module as it was. Names not given keep their values.
     */
    void setParameters(Map<String, Tensor> values);

    /** Adam's step count and moments, for checkpoints. */
    OptimizerState optimizerState();

    /**
     * Restores {@link #optimizerState()}: no moments at step 0, or a first and second moment for
     * every parameter at step &gt; 0; anything else is refused and changes nothing.
     */
    void setOptimizerState(OptimizerState state);

    @Override
    void close();
}
