package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AbstractModule;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * A layer spec compiled to libtorch. Parameters, Adam's moments and the last backward's gradients
 * live in native memory on the context's device; every call runs in its own {@link PointerScope},
 * so the temporaries of a call (activations, autograd graph) are freed when it returns and a long
 * loop keeps its resident memory flat.
 */
final class JavaCppModule extends AbstractModule {
    private final JavaCppContext context;
    private final TorchDevice device;
    private final ParameterStore parameters;
    private final NativeHandles constants = new NativeHandles();
    private final JavaCppLayer layer;
    private final AdamOptimizer optimizer;
    private NativeHandles lastGradients;
    private List<Tensor> lastGradientList;

    /** {@code values} passed {@link ParameterCheck#requireComplete}. */
    JavaCppModule(
            JavaCppContext context,
            LayerSpec spec,
            Map<String, io.srgrn.api.tensor.Tensor> values) {
        super(spec);
        this.context = context;
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
    protected io.srgrn.api.tensor.Tensor doForward(
            io.srgrn.api.tensor.Tensor input, int[] outputShape) {
        try (PointerScope scope = new PointerScope();
                GradModeScope noGrad = GradModeScope.disabled()) {
            return device.download(layer.forward(device.upload(input)), outputShape);
        } catch (OutOfMemoryError e) {
            throw PhysicalMemoryLimit.explain(e);
        }
    }

    @Override
    protected Gradients doBackward(
            io.srgrn.api.tensor.Tensor input, io.srgrn.api.tensor.Tensor upstream) {
        try (PointerScope scope = new PointerScope();
                GradModeScope grad = GradModeScope.enabled()) {
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
            List<ParamSpec> specs = spec().parameters();
            for (int i = 0; i < specs.size(); i++) {
                paramGrads.put(
                        specs.get(i).name(),
                        device.download(grads.get(i + 1), specs.get(i).shape()));
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
    protected void doAdamStep(AdamSettings adam, double learningRate) {
        try (PointerScope scope = new PointerScope();
                GradModeScope noGrad = GradModeScope.disabled()) {
            optimizer.step(lastGradientList, adam, learningRate);
        }
    }

    @Override
    protected float doTrainStep(
            io.srgrn.api.tensor.Tensor input,
            io.srgrn.api.tensor.Tensor target,
            AdamSettings adam,
            double learningRate) {
        try (PointerScope scope = new PointerScope();
                GradModeScope grad = GradModeScope.enabled()) {
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
     * autograd.grad, which does not accumulate into {@code .grad}: nothing needs zeroing between
     * calls.
     */
    private List<Tensor> gradients(Tensor output, List<Tensor> wrt, Tensor upstream) {
        TensorVector grads =
                torch.grad(
                        new TensorVector(output),
                        new TensorVector(wrt.toArray(new Tensor[0])),
                        upstream == null ? new TensorVector() : new TensorVector(upstream),
                        new BoolOptional(),
                        false,
                        true);
        List<Tensor> out = new ArrayList<>(wrt.size());
        for (int i = 0; i < wrt.size(); i++) {
            // TensorVector.get returns a reference into the vector's storage, which dies with the
            // vector: the copy constructor makes a handle of our own (same storage, no data copy).
            Tensor g = new Tensor(grads.get(i));
            // allow_unused: a tensor the output does not depend on gets an undefined gradient, i.e.
            // zero.
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
    protected io.srgrn.api.tensor.Tensor doParameter(ParamSpec p) {
        try (PointerScope scope = new PointerScope()) {
            return device.download(parameters.leaf(p.name()), p.shape());
        }
    }

    @Override
    protected void doSetParameters(Map<String, io.srgrn.api.tensor.Tensor> values) {
        try (PointerScope scope = new PointerScope();
                GradModeScope noGrad = GradModeScope.disabled()) {
            // Upload everything before the first copy, so a failure leaves the parameters
            // unchanged.
            Map<String, Tensor> uploaded = new LinkedHashMap<>();
            values.forEach((name, t) -> uploaded.put(name, device.upload(t)));
            parameters.assign(uploaded);
        }
    }

    @Override
    protected OptimizerState doOptimizerState() {
        try (PointerScope scope = new PointerScope()) {
            return optimizer.state(device);
        }
    }

    @Override
    protected void doSetOptimizerState(OptimizerState state) {
        try (PointerScope scope = new PointerScope()) {
            List<Tensor> m = new ArrayList<>();
            List<Tensor> v = new ArrayList<>();
            state.firstMoment().values().forEach(t -> m.add(device.upload(t)));
            state.secondMoment().values().forEach(t -> v.add(device.upload(t)));
            optimizer.restore(state.step(), m, v);
        }
    }

    @Override
    protected void doClose() {
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
