package io.srgrn.backend.javacpp;

import io.srgrn.api.ShapeMismatchException;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * A layer spec compiled to libtorch. Parameters, Adam's moments and the last backward's gradients
 * live in native memory on the context's device; every call runs in its own
 * {@link PointerScope}, so the temporaries of a call (activations, autograd graph) are freed when
 * it returns and a long loop keeps its resident memory flat.
 */
final class JavaCppModule implements Module {
    private final JavaCppContext context;
    private final LayerSpec spec;
    private final TorchDevice device;
    private final ParameterStore parameters;
    private final NativeHandles constants = new NativeHandles();
    private final JavaCppLayer layer;
    private final AdamOptimizer optimizer;
    private NativeHandles lastGradients;
    private List<Tensor> lastGradientList;
    private boolean closed;

    /** {@code values} passed {@link ParameterCheck#requireComplete}. */
    JavaCppModule(JavaCppContext context, LayerSpec spec, Map<String, io.srgrn.api.tensor.Tensor> values) {
        this.context = context;
        this.spec = spec;
        this.device = context.torchDevice();
        ParameterStore store = null;
        try (PointerScope scope = new PointerScope()) {
            store = new ParameterStore(spec, values, device);
            this.layer = JavaCppLayers.build(spec, store, constants);
            store.requireAllUsed();
            this.optimizer = new AdamOptimizer(spec.parameters(), store.tensors());
            this.parameters = store;
        } catch (RuntimeException | Error e) {
            constants.close();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public io.srgrn.api.tensor.Tensor forward(io.srgrn.api.tensor.Tensor input) {
        requireOpen();
        int[] outShape = ParameterCheck.requireInput(spec, input);
        try (PointerScope scope = new PointerScope(); GradModeScope noGrad = GradModeScope.disabled()) {
            return device.download(layer.forward(device.upload(input)), outShape);
        } catch (OutOfMemoryError e) {
            throw PhysicalMemoryLimit.explain(e);
        }
    }

    @Override
    public Gradients backward(io.srgrn.api.tensor.Tensor input, io.srgrn.api.tensor.Tensor upstream) {
        requireOpen();
        ParameterCheck.requireInput(spec, input);
        ParameterCheck.requireUpstream(spec, input, upstream);
        try (PointerScope scope = new PointerScope(); GradModeScope grad = GradModeScope.enabled()) {
            Tensor x = device.upload(input);
            x.set_requires_grad(true);
            Tensor y = layer.forward(x);
            List<Tensor> wrt = new ArrayList<>();
            wrt.add(x);
            wrt.addAll(parameters.tensors());
            // sum(y * upstream) differentiated = the vector-Jacobian product with upstream.
            List<Tensor> grads = gradients(y, wrt, device.upload(upstream));
            io.srgrn.api.tensor.Tensor inputGrad = device.download(grads.get(0), input.shape());
            Map<String, io.srgrn.api.tensor.Tensor> paramGrads = new LinkedHashMap<>();
            List<ParamSpec> specs = spec.parameters();
            for (int i = 0; i < specs.size(); i++) {
                paramGrads.put(specs.get(i).name(), device.download(grads.get(i + 1), specs.get(i).shape()));
            }
            // Kept on the device for adamStep, beyond this call's scope.
            NativeHandles kept = new NativeHandles();
            List<Tensor> keptList = new ArrayList<>();
            for (Tensor g : grads.subList(1, grads.size())) {
                keptList.add(kept.keep(g));
            }
            replaceLastGradients(kept, keptList);
            return new Gradients(inputGrad, paramGrads);
        } catch (OutOfMemoryError e) {
            throw PhysicalMemoryLimit.explain(e);
        }
    }

    @Override
    public void adamStep(AdamSettings adam, double learningRate) {
        requireOpen();
        Objects.requireNonNull(adam, "adam");
        requireLearningRate(learningRate);
        if (lastGradientList == null) {
            throw new IllegalStateException("adamStep on " + spec.describe() + " needs the gradients of a backward first");
        }
        try (PointerScope scope = new PointerScope(); GradModeScope noGrad = GradModeScope.disabled()) {
            optimizer.step(lastGradientList, adam, learningRate);
        }
    }

    @Override
    public float trainStep(io.srgrn.api.tensor.Tensor input, io.srgrn.api.tensor.Tensor target, AdamSettings adam,
            double learningRate) {
        requireOpen();
        Objects.requireNonNull(adam, "adam");
        requireLearningRate(learningRate);
        int[] outShape = ParameterCheck.requireInput(spec, input);
        if (!Arrays.equals(outShape, target.shape())) {
            throw new ShapeMismatchException("training target for " + spec.describe() + " must have the output shape "
                    + Arrays.toString(outShape) + ", got " + Arrays.toString(target.shape()));
        }
        try (PointerScope scope = new PointerScope(); GradModeScope grad = GradModeScope.enabled()) {
            Tensor y = layer.forward(device.upload(input));
            Tensor loss = torch.l1_loss(y, device.upload(target)); // reduction: mean
            List<Tensor> grads = gradients(loss, parameters.tensors(), null);
            float value = loss.item_float();
            try (GradModeScope noGrad = GradModeScope.disabled()) {
                optimizer.step(grads, adam, learningRate);
            }
            return value;
        } catch (OutOfMemoryError e) {
            throw PhysicalMemoryLimit.explain(e);
        }
    }

    /**
     * d(output)/d(wrt) weighted by {@code upstream} (null for a scalar output), through libtorch's
     * autograd.grad, which does not accumulate into {@code .grad}: nothing needs zeroing between calls.
     */
    private List<Tensor> gradients(Tensor output, List<Tensor> wrt, Tensor upstream) {
        TensorVector grads = torch.grad(new TensorVector(output), new TensorVector(wrt.toArray(new Tensor[0])),
                upstream == null ? new TensorVector() : new TensorVector(upstream), new BoolOptional(), false, true);
        List<Tensor> out = new ArrayList<>(wrt.size());
        for (int i = 0; i < wrt.size(); i++) {
            // TensorVector.get returns a reference into the vector's storage, which dies with the
            // vector: the copy constructor makes a handle of our own (same storage, no data copy).
            Tensor g = new Tensor(grads.get(i));
            // allow_unused: a tensor the output does not depend on gets an undefined gradient, i.e. zero.
            out.add(g.defined() ? g : torch.zeros_like(wrt.get(i)));
        }
        return out;
    }

    private void replaceLastGradients(NativeHandles kept, List<Tensor> list) {
        if (lastGradients != null) {
            lastGradients.close();
        }
        lastGradients = kept;
        lastGradientList = list;
    }

    @Override
    public io.srgrn.api.tensor.Tensor parameter(String name) {
        requireOpen();
        ParamSpec p;
        try {
            p = spec.parameter(name);
        } catch (java.util.NoSuchElementException e) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + spec.describe(), e);
        }
        try (PointerScope scope = new PointerScope()) {
            return device.download(parameters.leaf(p.name()), p.shape());
        }
    }

    @Override
    public Map<String, io.srgrn.api.tensor.Tensor> parameters() {
        requireOpen();
        Map<String, io.srgrn.api.tensor.Tensor> out = new LinkedHashMap<>();
        try (PointerScope scope = new PointerScope()) {
            for (ParamSpec p : spec.parameters()) {
                out.put(p.name(), device.download(parameters.leaf(p.name()), p.shape()));
            }
        }
        return out;
    }

    @Override
    public void setParameters(Map<String, io.srgrn.api.tensor.Tensor> values) {
        requireOpen();
        Objects.requireNonNull(values, "values");
        ParameterCheck.requireKnown(spec, values);
        try (PointerScope scope = new PointerScope(); GradModeScope noGrad = GradModeScope.disabled()) {
            // Upload everything before the first copy, so a failure leaves the parameters unchanged.
            Map<String, Tensor> uploaded = new LinkedHashMap<>();
            for (ParamSpec p : spec.parameters()) {
                io.srgrn.api.tensor.Tensor t = values.get(p.name());
                if (t != null) {
                    uploaded.put(p.name(), device.upload(t));
                }
            }
            parameters.assign(uploaded);
        }
    }

    @Override
    public OptimizerState optimizerState() {
        requireOpen();
        try (PointerScope scope = new PointerScope()) {
            return optimizer.state(device);
        }
    }

    @Override
    public void setOptimizerState(OptimizerState state) {
        requireOpen();
        Objects.requireNonNull(state, "state");
        Map<String, io.srgrn.api.tensor.Tensor> first = state.firstMoment();
        Map<String, io.srgrn.api.tensor.Tensor> second = state.secondMoment();
        if (!first.keySet().equals(second.keySet())) {
            throw new IllegalArgumentException("optimizer state for " + spec.describe()
                    + " must have first and second moments for the same parameters; first has " + first.keySet()
                    + ", second has " + second.keySet());
        }
        if (first.isEmpty() && state.step() != 0) {
            throw new IllegalArgumentException("optimizer state for " + spec.describe() + " is at step " + state.step()
                    + " but has no moments");
        }
        if (!first.isEmpty()) {
            ParameterCheck.requireComplete(spec, first);
            ParameterCheck.requireComplete(spec, second);
        }
        try (PointerScope scope = new PointerScope()) {
            List<Tensor> m = new ArrayList<>();
            List<Tensor> v = new ArrayList<>();
            if (!first.isEmpty()) {
                for (ParamSpec p : spec.parameters()) {
                    m.add(device.upload(first.get(p.name())));
                    v.add(device.upload(second.get(p.name())));
                }
            }
            optimizer.restore(state.step(), m, v);
        }
    }

    private static void requireLearningRate(double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("module " + spec.describe() + " of the javacpp backend is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (lastGradients != null) {
            lastGradients.close();
            lastGradientList = null;
        }
        optimizer.close();
        constants.close();
        parameters.close();
        context.forget(this);
    }
}
