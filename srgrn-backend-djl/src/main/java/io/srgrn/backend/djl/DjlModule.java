package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AbstractModule;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A layer spec compiled on DJL's PyTorch engine. Parameters, their gradients and Adam's moments
 * live in native memory owned by {@link #manager}; every call runs in a {@link Call} whose
 * temporaries are freed when it returns.
 */
final class DjlModule extends AbstractModule {
    private final NDManager manager;
    private final ParameterStore store;
    private final DjlLayer root;
    private final HostTransfer transfer;
    private final AdamState adam = new AdamState();
    private final Runnable onClose;

    private DjlModule(LayerSpec spec, NDManager manager, boolean deviceCopies, Runnable onClose) {
        super(spec);
        this.manager = manager;
        this.store = new ParameterStore(spec);
        this.root = DjlLayers.build(spec, store);
        this.transfer = new HostTransfer(deviceCopies);
        this.onClose = onClose;
    }

    /**
     * Compiles {@code spec} into native memory below {@code parent}; {@code parameters} must
     * already be checked complete. Nothing remains allocated if this fails.
     */
    static DjlModule compile(
            LayerSpec spec,
            Map<String, Tensor> parameters,
            NDManager parent,
            boolean deviceCopies,
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
    protected Tensor doForward(Tensor input, int[] outputShape) {
        try (Call call = Call.open(manager, false)) {
            NDArray y = root.apply(transfer.upload(call.manager(), input), call);
            return HostTransfer.download(y, outputShape);
        }
    }

    @Override
    protected Gradients doBackward(Tensor input, Tensor upstream) {
        try (Call call = Call.open(manager, true)) {
            zeroGradients();
            NDArray x = transfer.upload(call.manager(), input);
            x.setRequiresGradient(true);
            NDArray y = root.apply(x, call);
            // d sum(y * R) / dy = R: one backward pass seeded with the upstream gradient.
            JniUtils.backward(
                    (PtNDArray) y,
                    (PtNDArray) transfer.upload(call.manager(), upstream),
                    false,
                    false);
            Map<String, Tensor> grads = new LinkedHashMap<>();
            for (ParameterStore.Slot s : store.slots()) {
                grads.put(
                        s.name(), HostTransfer.download(s.value().getGradient(), s.spec().shape()));
            }
            return new Gradients(HostTransfer.download(x.getGradient(), input.shape()), grads);
        }
    }

    @Override
    protected void doAdamStep(AdamSettings settings, double learningRate) {
        try (Call call = Call.open(manager, false)) {
            adam.update(store.slots(), settings, learningRate, call);
        }
    }

    @Override
    protected float doTrainStep(
            Tensor input, Tensor target, AdamSettings settings, double learningRate) {
        float loss;
        try (Call call = Call.open(manager, true)) {
            zeroGradients();
            NDArray y = root.apply(transfer.upload(call.manager(), input), call);
            NDArray l1 = y.sub(transfer.upload(call.manager(), target)).abs().mean();
            JniUtils.backward((PtNDArray) l1, (PtNDArray) call.scalar(1), false, false);
            loss = HostTransfer.scalarValue(l1);
        }
        doAdamStep(settings, learningRate);
        return loss;
    }

    @Override
    protected Tensor doParameter(ParamSpec parameter) {
        ParameterStore.Slot s = store.get(parameter.name());
        try (Call call = Call.open(manager, false)) {
            return HostTransfer.download(s.value(), s.spec().shape());
        }
    }

    /**
     * Uploads every value first, then copies them into the existing parameter arrays in place, as
     * PyTorch's {@code load_state_dict} does: the gradients of the last backward and Adam's state
     * stay.
     */
    @Override
    protected void doSetParameters(Map<String, Tensor> values) {
        try (Call call = Call.open(manager, false)) {
            Map<String, NDArray> uploaded = uploadAll(values, call);
            uploaded.forEach((name, array) -> Ops.copyInto(store.get(name).value(), array));
        }
    }

    @Override
    protected OptimizerState doOptimizerState() {
        Map<String, Tensor> first = new LinkedHashMap<>();
        Map<String, Tensor> second = new LinkedHashMap<>();
        if (adam.hasMoments()) {
            try (Call call = Call.open(manager, false)) {
                for (ParameterStore.Slot s : store.slots()) {
                    first.put(
                            s.name(),
                            HostTransfer.download(adam.first().get(s.name()), s.spec().shape()));
                    second.put(
                            s.name(),
                            HostTransfer.download(adam.second().get(s.name()), s.spec().shape()));
                }
            }
        }
        return new OptimizerState(adam.step(), first, second);
    }

    @Override
    protected void doSetOptimizerState(OptimizerState state) {
        try (Call call = Call.open(manager, false)) {
            Map<String, NDArray> first = uploadAll(state.firstMoment(), call);
            Map<String, NDArray> second = uploadAll(state.secondMoment(), call);
            first.values().forEach(call::keep);
            second.values().forEach(call::keep);
            adam.replace(state.step(), first, second);
        }
    }

    @Override
    protected void doClose() {
        try {
            adam.close();
            manager.close();
            transfer.close();
        } finally {
            onClose.run();
        }
    }

    /** Uploads the initial value of every parameter; the arrays become the module's leaves. */
    private void install(Map<String, Tensor> values) {
        try (Call call = Call.open(manager, false)) {
            uploadAll(values, call)
                    .forEach((name, array) -> store.get(name).install(call.keep(array)));
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

    private void zeroGradients() {
        // libtorch accumulates into .grad; each backward must start from zero.
        for (ParameterStore.Slot s : store.slots()) {
            JniUtils.zeroGrad((PtNDArray) s.value());
        }
    }
}
