package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A layer spec compiled on DJL's PyTorch engine. Parameters, their gradients and Adam's moments
 * live in native memory owned by {@link #manager}; every call runs in a {@link Call} whose
 * temporaries are freed when it returns.
 */
final class DjlModule implements Module {
    private final LayerSpec spec;
    private final NDManager manager;
    private final ParameterStore store;
    private final DjlLayer root;
    private final HostTransfer transfer;
    private final AdamState adam = new AdamState();
    private final Runnable onClose;
    private boolean gradientsReady;
    private boolean closed;

    private DjlModule(LayerSpec spec, NDManager manager, boolean deviceCopies, Runnable onClose) {
        this.spec = spec;
        this.manager = manager;
        this.store = new ParameterStore(spec);
        this.root = DjlLayers.build(spec, store);
        this.transfer = new HostTransfer(deviceCopies);
        this.onClose = onClose;
    }

    /**
     * Compiles {@code spec} into native memory below {@code parent}; {@code parameters} must already be
     * checked complete. Nothing remains allocated if this fails.
     */
    static DjlModule compile(LayerSpec spec, Map<String, Tensor> parameters, NDManager parent, boolean deviceCopies,
            Runnable onClose) {
        NDManager manager = parent.newSubManager();
        try {
            DjlModule module = new DjlModule(spec, manager, deviceCopies, onClose);
            module.install(parameters);
            return module;
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tensor input) {
        requireOpen();
        int[] outShape = ParameterCheck.requireInput(spec, input);
        try (Call call = Call.open(manager, false)) {
            NDArray y = root.apply(transfer.upload(call.manager(), input), call);
            return HostTransfer.download(y, outShape);
        }
    }

    @Override
    public Gradients backward(Tensor input, Tensor upstream) {
        requireOpen();
        ParameterCheck.requireUpstream(spec, input, upstream);
        try (Call call = Call.open(manager, true)) {
            zeroGradients();
            NDArray x = transfer.upload(call.manager(), input);
            x.setRequiresGradient(true);
            NDArray y = root.apply(x, call);
            // d sum(y * R) / dy = R: one backward pass seeded with the upstream gradient.
            JniUtils.backward((PtNDArray) y, (PtNDArray) transfer.upload(call.manager(), upstream), false, false);
            gradientsReady = true;
            Map<String, Tensor> grads = new LinkedHashMap<>();
            for (ParameterStore.Slot s : store.slots()) {
                grads.put(s.name(), HostTransfer.download(s.value().getGradient(), s.spec().shape()));
            }
            return new Gradients(HostTransfer.download(x.getGradient(), input.shape()), grads);
        }
    }

    @Override
    public void adamStep(AdamSettings settings, double learningRate) {
        requireOpen();
        Objects.requireNonNull(settings, "settings");
        requireLearningRate(learningRate);
        if (!gradientsReady) {
            throw new IllegalStateException("adamStep needs gradients: call backward or trainStep first on "
                    + spec.describe());
        }
        try (Call call = Call.open(manager, false)) {
            adam.update(store.slots(), settings, learningRate, call);
        }
    }

    @Override
    public float trainStep(Tensor input, Tensor target, AdamSettings settings, double learningRate) {
        requireOpen();
        Objects.requireNonNull(settings, "settings");
        requireLearningRate(learningRate);
        int[] outShape = ParameterCheck.requireInput(spec, input);
        if (!Arrays.equals(outShape, target.shape())) {
            throw new ShapeMismatchException("target for " + spec.describe() + " must have the output shape "
                    + Arrays.toString(outShape) + ", got " + Arrays.toString(target.shape()));
        }
        float loss;
        try (Call call = Call.open(manager, true)) {
            zeroGradients();
            NDArray y = root.apply(transfer.upload(call.manager(), input), call);
            NDArray l1 = y.sub(transfer.upload(call.manager(), target)).abs().mean();
            JniUtils.backward((PtNDArray) l1, (PtNDArray) call.scalar(1), false, false);
            gradientsReady = true;
            loss = HostTransfer.scalarValue(l1);
        }
        adamStep(settings, learningRate);
        return loss;
    }

    @Override
    public Tensor parameter(String name) {
        requireOpen();
        ParameterStore.Slot s = store.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + spec.describe());
        }
        try (Call call = Call.open(manager, false)) {
            return HostTransfer.download(s.value(), s.spec().shape());
        }
    }

    @Override
    public Map<String, Tensor> parameters() {
        requireOpen();
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (Call call = Call.open(manager, false)) {
            for (ParameterStore.Slot s : store.slots()) {
                out.put(s.name(), HostTransfer.download(s.value(), s.spec().shape()));
            }
        }
        return out;
    }

    /**
     * Uploads every value first, then copies them into the existing parameter arrays in place, as
     * PyTorch's {@code load_state_dict} does: the gradients of the last backward and Adam's state stay.
     */
    @Override
    public void setParameters(Map<String, Tensor> values) {
        requireOpen();
        ParameterCheck.requireKnown(spec, values);
        try (Call call = Call.open(manager, false)) {
            Map<String, NDArray> uploaded = uploadAll(values, call);
            uploaded.forEach((name, array) -> Ops.copyInto(store.get(name).value(), array));
        }
    }

    @Override
    public OptimizerState optimizerState() {
        requireOpen();
        Map<String, Tensor> first = new LinkedHashMap<>();
        Map<String, Tensor> second = new LinkedHashMap<>();
        if (adam.hasMoments()) {
            try (Call call = Call.open(manager, false)) {
                for (ParameterStore.Slot s : store.slots()) {
                    first.put(s.name(), HostTransfer.download(adam.first().get(s.name()), s.spec().shape()));
                    second.put(s.name(), HostTransfer.download(adam.second().get(s.name()), s.spec().shape()));
                }
            }
        }
        return new OptimizerState(adam.step(), first, second);
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        requireOpen();
        Objects.requireNonNull(state, "state");
        boolean noMoments = state.firstMoment().isEmpty() && state.secondMoment().isEmpty();
        if (noMoments) {
            if (state.step() != 0) {
                throw new IllegalArgumentException("optimizer state for " + spec.describe() + " has step "
                        + state.step() + " but no moments; only step 0 may come without them");
            }
            adam.replace(0, Map.of(), Map.of());
            return;
        }
        checkMoments("first moment", state.firstMoment());
        checkMoments("second moment", state.secondMoment());
        try (Call call = Call.open(manager, false)) {
            Map<String, NDArray> first = uploadAll(state.firstMoment(), call);
            Map<String, NDArray> second = uploadAll(state.secondMoment(), call);
            first.values().forEach(call::keep);
            second.values().forEach(call::keep);
            adam.replace(state.step(), first, second);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            adam.close();
            manager.close();
        } finally {
            onClose.run();
        }
    }

    /** Uploads the initial value of every parameter; the arrays become the module's leaves. */
    private void install(Map<String, Tensor> values) {
        try (Call call = Call.open(manager, false)) {
            uploadAll(values, call).forEach((name, array) -> store.get(name).install(call.keep(array)));
        }
    }

    /** Device copies of {@code values}, still owned by {@code call} (freed with it unless kept). */
    private Map<String, NDArray> uploadAll(Map<String, Tensor> values, Call call) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (ParameterStore.Slot s : store.slots()) {
            Tensor t = values.get(s.name());
            if (t != null) {
                out.put(s.name(), transfer.upload(call.manager(), t));
            }
        }
        return out;
    }

    private void checkMoments(String what, Map<String, Tensor> moments) {
        try {
            ParameterCheck.requireComplete(spec, moments);
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException("optimizer state " + what + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optimizer state " + what + ": " + e.getMessage(), e);
        }
    }

    private void zeroGradients() {
        // libtorch accumulates into .grad; each backward must start from zero.
        for (ParameterStore.Slot s : store.slots()) {
            JniUtils.zeroGrad((PtNDArray) s.value());
        }
    }

    private static void requireLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + lr);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("module " + spec.describe() + " is closed");
        }
    }
}
