package io.srgrn.api.spi;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@link Module} contract written once: a backend extends this class and implements the
 * protected {@code do...} hooks, which only ever see checked arguments on an open module. The
 * public methods are final; each one
 *
 * <ol>
 *   <li>takes the module's lock, so calls from several threads run one at a time, each exactly as
 *       it would run alone;
 *   <li>fails with {@link IllegalStateException} once the module is closed;
 *   <li>checks its arguments: input shapes with {@link LayerSpec#outputShape}, upstream and target
 *       shapes against the output shape ({@link ShapeMismatchException}), the learning rate (finite
 *       and {@code >= 0}), parameter maps with {@link ParameterCheck}, and optimizer states by the
 *       rule below ({@link IllegalArgumentException});
 *   <li>then calls its hook.
 * </ol>
 *
 * <p><b>Threads.</b> One lock per module serialises its calls rather than running them side by
 * side: a backend's forward pass already spreads over every core (libtorch's intra-op threads) or
 * fills the device, so a second concurrent pass would mostly compete for the same cores while
 * doubling the activation memory, which for SRGRN's whole-image reasoning is the large part
 * (gigabytes for a 256x256 image). Serialised calls also keep every result bit-identical to
 * sequential use, which concurrent native passes did not (they raced on the module's state and on
 * libtorch's thread pool). {@link #close()} takes the same lock: it waits for the call in progress
 * and frees native memory only when no call is inside; calls that come after it fail with {@link
 * IllegalStateException}. The lock is fair, so a close is not starved by a stream of calls.
 *
 * <p><b>Optimizer states</b> ({@link #setOptimizerState}) follow one rule: a state either has
 * <em>no moments and step 0</em> (Adam before its first step), or <em>step &gt; 0 and a first and a
 * second moment for every parameter</em>, each with the parameter's shape. Anything else (moments
 * for some parameters only, moments at step 0, a step with no moments, an unknown name) is refused
 * with an exception that names the problem, and the module's state is left as it was.
 *
 * <p><b>Gradients.</b> {@link #adamStep} uses the gradients of the last {@link #backward}; before
 * any backward, or after a {@link #trainStep} that has not been followed by one, it fails with
 * {@link IllegalStateException}.
 */
public abstract class AbstractModule implements Module {
    private final LayerSpec spec;
    private final ReentrantLock lock = new ReentrantLock(true);

    /**
     * Written under the lock; volatile so that a check outside it (e.g. {@link #isClosed}) sees it.
     */
    private volatile boolean closed;

    private boolean backwardDone;

    protected AbstractModule(LayerSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public final LayerSpec spec() {
        return spec;
    }

    /** Whether {@link #close()} has run (or is running). */
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final Tensor forward(Tensor input) {
        Objects.requireNonNull(input, "input");
        return locked(() -> doForward(input, ParameterCheck.requireInput(spec, input)));
    }

    @Override
    public final Gradients backward(Tensor input, Tensor upstream) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(upstream, "upstream");
        ParameterCheck.requireUpstream(spec, input, upstream);
        return locked(
                () -> {
                    Gradients g = doBackward(input, upstream);
                    backwardDone = true;
                    return g;
                });
    }

    @Override
    public final void adamStep(AdamSettings adam, double learningRate) {
        Objects.requireNonNull(adam, "adam");
        requireLearningRate(learningRate);
        locked(
                () -> {
                    if (!backwardDone) {
                        throw new IllegalStateException(
                                "adamStep on "
                                        + spec.describe()
                                        + " needs the gradients of a backward first");
                    }
                    doAdamStep(adam, learningRate);
                    return null;
                });
    }

    @Override
    public final float trainStep(
            Tensor input, Tensor target, AdamSettings adam, double learningRate) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(adam, "adam");
        requireLearningRate(learningRate);
        int[] outShape = ParameterCheck.requireInput(spec, input);
        if (!Arrays.equals(outShape, target.shape())) {
            throw new ShapeMismatchException(
                    "training target for "
                            + spec.describe()
                            + " must have the output shape "
                            + Arrays.toString(outShape)
                            + ", got "
                            + Arrays.toString(target.shape()));
        }
        return locked(
                () -> {
                    // a train step replaces the gradients on some backends and not on others: none
                    // is kept
                    backwardDone = false;
                    return doTrainStep(input, target, adam, learningRate);
                });
    }

    @Override
    public final Tensor parameter(String name) {
        ParamSpec p = parameterSpec(name);
        return locked(() -> doParameter(p));
    }

    @Override
    public final Map<String, Tensor> parameters() {
        return locked(
                () -> {
                    Map<String, Tensor> out = new LinkedHashMap<>();
                    for (ParamSpec p : spec.parameters()) {
                        out.put(p.name(), doParameter(p));
                    }
                    return out;
                });
    }

    @Override
    public final void setParameters(Map<String, Tensor> values) {
        Objects.requireNonNull(values, "values");
        ParameterCheck.requireKnown(spec, values);
        Map<String, Tensor> ordered = inSpecOrder(values);
        locked(
                () -> {
                    doSetParameters(ordered);
                    return null;
                });
    }

    @Override
    public final OptimizerState optimizerState() {
        return locked(this::doOptimizerState);
    }

    @Override
    public final void setOptimizerState(OptimizerState state) {
        Objects.requireNonNull(state, "state");
        requireValid(state);
        OptimizerState ordered =
                new OptimizerState(
                        state.step(),
                        inSpecOrder(state.firstMoment()),
                        inSpecOrder(state.secondMoment()));
        locked(
                () -> {
                    doSetOptimizerState(ordered);
                    return null;
                });
    }

    /**
     * Waits for the call in progress, if any, then frees everything; later calls fail. Idempotent.
     */
    @Override
    public final void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            doClose();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ hooks (called under the
    // lock, open)

    /** The output for a checked input; {@code outputShape} is what the spec says it is. */
    protected abstract Tensor doForward(Tensor input, int[] outputShape);

    /** Gradients for checked tensors; the parameter gradients are kept for {@link #doAdamStep}. */
    protected abstract Gradients doBackward(Tensor input, Tensor upstream);

    /** One Adam update from the last backward's gradients (there was one). */
    protected abstract void doAdamStep(AdamSettings adam, double learningRate);

    /** Forward, L1 mean, backward and Adam, for a target of the output shape; returns the loss. */
    protected abstract float doTrainStep(
            Tensor input, Tensor target, AdamSettings adam, double learningRate);

    /** A copy of one parameter of the spec. */
    protected abstract Tensor doParameter(ParamSpec parameter);

    /** Replaces the named parameters (checked names and shapes, in spec order); all or nothing. */
    protected abstract void doSetParameters(Map<String, Tensor> values);

    /** Adam's step count and moments (empty maps before the first step), moments in spec order. */
    protected abstract OptimizerState doOptimizerState();

    /**
     * Replaces Adam's state with one that follows the class's rule (moments in spec order, or
     * none).
     */
    protected abstract void doSetOptimizerState(OptimizerState state);

    /** Frees what the module holds; runs once, when no call is inside. */
    protected abstract void doClose();

    // ------------------------------------------------------------------ checks

    private <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("module " + spec.describe() + " is closed");
            }
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    private ParamSpec parameterSpec(String name) {
        try {
            return spec.parameter(name);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(
                    "no parameter '" + name + "' in " + spec.describe(), e);
        }
    }

    private Map<String, Tensor> inSpecOrder(Map<String, Tensor> values) {
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            Tensor t = values.get(p.name());
            if (t != null) {
                ordered.put(p.name(), t);
            }
        }
        return ordered;
    }

    private void requireValid(OptimizerState state) {
        boolean noMoments = state.firstMoment().isEmpty() && state.secondMoment().isEmpty();
        if (noMoments) {
            if (state.step() != 0) {
                throw new IllegalArgumentException(
                        "optimizer state for "
                                + spec.describe()
                                + " is at step "
                                + state.step()
                                + " but has no moments; only step 0 comes without them");
            }
            return;
        }
        if (state.step() == 0) {
            throw new IllegalArgumentException(
                    "optimizer state for "
                            + spec.describe()
                            + " has moments at step 0; moments exist only after a step");
        }
        requireComplete("first moment", state.firstMoment());
        requireComplete("second moment", state.secondMoment());
    }

    private void requireComplete(String what, Map<String, Tensor> moments) {
        try {
            ParameterCheck.requireComplete(spec, moments);
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException("optimizer state " + what + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "optimizer state " + what + ": " + e.getMessage(), e);
        }
    }

    private static void requireLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learning rate must be finite and >= 0, got " + learningRate);
        }
    }
}
