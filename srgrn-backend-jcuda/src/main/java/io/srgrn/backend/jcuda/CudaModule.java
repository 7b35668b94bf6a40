package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spi.AbstractModule;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A layer spec compiled to CUDA. Parameters, their gradients and Adam's moments stay on the device;
 * every call's activations come from the context's caching allocator and go back to it when the
 * call ends. {@code trainStep} runs forward, L1, backward and Adam on the device and copies back
 * one float.
 */
final class CudaModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(CudaModule.class);
    private final ModuleHost context;
    private final DeviceParameters params;
    private final CudaLayer layer;

    CudaModule(ModuleHost context, LayerSpec spec, Map<String, Tensor> values) {
        super(spec);
        this.context = context;
        context.bind();
        this.params = new DeviceParameters(spec, values, context.allocator(), context.ops());
        this.layer =
                CudaLayers.build(spec, new LayerEnv(context.ops(), params, ParameterPath.root()));
    }

    /**
     * Runs device work under the context's device lock: the handles, stream and allocator are
     * shared by its modules.
     */
    private <T> T onDevice(java.util.function.Supplier<T> body) {
        synchronized (context.deviceLock()) {
            context.bind();
            return body.get();
        }
    }

    private CallScope scope(Tensor input) {
        context.bind();
        if (LOG.isDebugEnabled()) {
            LayerPlan plan = ShapePlanner.plan(spec(), input.shape(), context.ops().tf32());
            LOG.debug(
                    "{} on {}: {} MB of activations kept for backward, {} convolutions",
                    spec().describe(),
                    java.util.Arrays.toString(input.shape()),
                    plan.savedBytes() >> 20,
                    plan.allConvs().size());
        }
        return new CallScope(context.allocator());
    }

    @Override
    protected Tensor doForward(Tensor input, int[] outputShape) {
        return onDevice(
                () -> {
                    try (CallScope scope = scope(input)) {
                        return context.ops()
                                .download(layer.forward(scope, context.ops().upload(scope, input)));
                    }
                });
    }

    @Override
    protected Gradients doBackward(Tensor input, Tensor upstream) {
        return onDevice(
                () -> {
                    try (CallScope scope = scope(input)) {
                        DeviceOps ops = context.ops();
                        params.zeroGrads();
                        layer.forward(scope, ops.upload(scope, input));
                        Tensor dx =
                                ops.download(layer.backward(scope, ops.upload(scope, upstream)));
                        return new Gradients(dx, params.download(params.grads()));
                    }
                });
    }

    @Override
    protected void doAdamStep(AdamSettings adam, double learningRate) {
        onDevice(
                () -> {
                    context.bind();
                    params.adamStep(adam.beta1(), adam.beta2(), adam.eps(), learningRate);
                    context.ops().synchronize();
                    return null;
                });
    }

    @Override
    protected float doTrainStep(
            Tensor input, Tensor target, AdamSettings adam, double learningRate) {
        return onDevice(
                () -> {
                    try (CallScope scope = scope(input)) {
                        DeviceOps ops = context.ops();
                        params.zeroGrads();
                        DeviceTensor y = layer.forward(scope, ops.upload(scope, input));
                        DeviceTensor t = ops.upload(scope, target);
                        DeviceTensor loss = scope.tensor(1);
                        float invN = 1f / y.count();
                        ops.reduce(scope, 2, y, t, null, invN, loss, false);
                        DeviceTensor dy = scope.tensor(y.shape());
                        ops.kernel(
                                Kernel.L1_BACKWARD,
                                y.count(),
                                dy.address(),
                                y.address(),
                                t.address(),
                                invN,
                                y.count());
                        layer.backward(scope, dy);
                        params.adamStep(adam.beta1(), adam.beta2(), adam.eps(), learningRate);
                        return ops.download(loss).data()[0];
                    }
                });
    }

    @Override
    protected Tensor doParameter(ParamSpec p) {
        return onDevice(
                () -> {
                    context.bind();
                    return context.ops().download(params.value(p.name()));
                });
    }

    @Override
    protected void doSetParameters(Map<String, Tensor> values) {
        onDevice(
                () -> {
                    context.bind();
                    params.assign(values);
                    return null;
                });
    }

    @Override
    protected OptimizerState doOptimizerState() {
        return onDevice(
                () -> {
                    context.bind();
                    if (params.step() == 0) {
                        return OptimizerState.initial();
                    }
                    return new OptimizerState(
                            params.step(),
                            params.download(params.firstMoment()),
                            params.download(params.secondMoment()));
                });
    }

    @Override
    protected void doSetOptimizerState(OptimizerState state) {
        onDevice(
                () -> {
                    context.bind();
                    params.restore(state.step(), state.firstMoment(), state.secondMoment());
                    return null;
                });
    }

    @Override
    protected void doClose() {
        onDevice(
                () -> {
                    context.ops().synchronize();
                    params.close();
                    return null;
                });
        context.forget(
                this); // outside the device lock: compile takes the context's monitor, then the
        // device lock
    }
}
