package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.OptimizerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam}, no weight decay, no amsgrad), as
 * in-place libtorch operations on the parameters' device:
 *
 * <pre>
 * t += 1
 * m.lerp_(g, 1 - beta1);  v.mul_(beta2).addcmul_(g, g, 1 - beta2)
 * p.addcdiv_(m, v.sqrt() / sqrt(1 - beta2^t) + eps, -lr / (1 - beta1^t))
 * </pre>
 *
 * libtorch's own {@code torch::optim::Adam} is bound by the presets, but its per-parameter state
 * (step, exp_avg, exp_avg_sq) is not reachable from Java, so checkpoints could not read or restore
 * it; these few ops are the same arithmetic and keep the moments where checkpoints can see them.
 */
final class AdamOptimizer implements AutoCloseable {
    private final List<ParamSpec> specs;
    private final List<Tensor> params;
    private long step;
    private Tensor[] firstMoment;
    private Tensor[] secondMoment;
    private NativeHandles moments = new NativeHandles();

    /** Moments for {@code params}, described by {@code specs} in the same order. */
    AdamOptimizer(List<ParamSpec> specs, List<Tensor> params) {
        this.specs = List.copyOf(specs);
        this.params = List.copyOf(params);
    }

    /** One update of every parameter from {@code grads} (spec order). Grad mode must be off. */
    void step(List<Tensor> grads, AdamSettings adam, double learningRate) {
        if (firstMoment == null) {
            Tensor[] m = new Tensor[params.size()];
            Tensor[] v = new Tensor[params.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = moments.keep(torch.zeros_like(params.get(i)));
                v[i] = moments.keep(torch.zeros_like(params.get(i)));
            }
            firstMoment = m;
            secondMoment = v;
        }
        step++;
        double biasCorrection1 = 1 - Math.pow(adam.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(adam.beta2(), step);
        Scalar oneMinusBeta1 = new Scalar(1 - adam.beta1());
        Scalar beta2 = new Scalar(adam.beta2());
        Scalar oneMinusBeta2 = new Scalar(1 - adam.beta2());
        Scalar sqrtBiasCorrection2 = new Scalar(Math.sqrt(biasCorrection2));
        Scalar eps = new Scalar(adam.eps());
        Scalar negativeStepSize = new Scalar(-learningRate / biasCorrection1);
        for (int i = 0; i < params.size(); i++) {
            Tensor g = grads.get(i);
            Tensor m = firstMoment[i];
            Tensor v = secondMoment[i];
            m.lerp_(g, oneMinusBeta1);
            v.mul_(beta2).addcmul_(g, g, oneMinusBeta2);
            Tensor denominator = v.sqrt().div_(sqrtBiasCorrection2).add_(eps);
            params.get(i).addcdiv_(m, denominator, negativeStepSize);
        }
    }

    /** Java copies of the step count and moments (empty maps before the first step). */
    OptimizerState state(TorchDevice device) {
        Map<String, io.srgrn.api.tensor.Tensor> m = new LinkedHashMap<>();
        Map<String, io.srgrn.api.tensor.Tensor> v = new LinkedHashMap<>();
        if (firstMoment != null) {
            for (int i = 0; i < specs.size(); i++) {
                ParamSpec p = specs.get(i);
                m.put(p.name(), device.download(firstMoment[i], p.shape()));
                v.put(p.name(), device.download(secondMoment[i], p.shape()));
            }
        }
        return new OptimizerState(step, m, v);
    }

    /**
     * Replaces the state; {@code first} and {@code second} were uploaded from a checked {@link
     * OptimizerState} and are both empty (no moments yet) or complete, in spec order.
     */
    void restore(long newStep, List<Tensor> first, List<Tensor> second) {
        NativeHandles replacement = new NativeHandles();
        Tensor[] m = null;
        Tensor[] v = null;
        if (!first.isEmpty()) {
            m = new Tensor[first.size()];
            v = new Tensor[second.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = replacement.keep(first.get(i));
                v[i] = replacement.keep(second.get(i));
            }
        }
        moments.close();
        moments = replacement;
        firstMoment = m;
        secondMoment = v;
        step = newStep;
    }

    @Override
    public void close() {
        moments.close();
        firstMoment = null;
        secondMoment = null;
    }
}
