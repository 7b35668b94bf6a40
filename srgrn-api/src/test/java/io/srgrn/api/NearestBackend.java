package io.srgrn.api;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OptimizerState;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test backend whose "network" is nearest-neighbour upscaling plus the value of {@code
 * grrb.gamma} (an offset that lets tests drive the output past [0, 1]). Registered for srgrn-api's
 * tests only.
 */
public final class NearestBackend implements Backend {
    static int closedContexts;

    @Override
    public String name() {
        return "nearest";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability availability() {
        return Availability.yes("test backend");
    }

    @Override
    public List<Device> devices() {
        return List.of(Device.CPU);
    }

    @Override
    public Availability availability(Device device) {
        return device.isCpu()
                ? availability()
                : Availability.no("the nearest test backend has no GPU kernels");
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        Backend self = this;
        return new BackendContext() {
            @Override
            public Backend backend() {
                return self;
            }

            @Override
            public Device device() {
                return device;
            }

            @Override
            public Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
                ParameterCheck.requireComplete(spec, parameters);
                return new NearestModule(spec, parameters);
            }

            @Override
            public void close() {
                closedContexts++;
            }
        };
    }

    static final class NearestModule implements Module {
        private final LayerSpec spec;
        private final Map<String, Tensor> params = new LinkedHashMap<>();

        NearestModule(LayerSpec spec, Map<String, Tensor> initial) {
            this.spec = spec;
            initial.forEach((k, v) -> params.put(k, v.copy()));
        }

        @Override
        public LayerSpec spec() {
            return spec;
        }

        @Override
        public Tensor forward(Tensor input) {
            int[] out = ParameterCheck.requireInput(spec, input);
            int s = out[2] / input.dim(2);
            float offset =
                    params.containsKey("grrb.gamma") ? params.get("grrb.gamma").data()[0] : 0f;
            Tensor y = Tensor.zeros(out);
            for (int b = 0; b < out[0]; b++) {
                for (int c = 0; c < out[1]; c++) {
                    for (int i = 0; i < out[2]; i++) {
                        for (int j = 0; j < out[3]; j++) {
                            y.set(input.get(b, c, i / s, j / s) + offset, b, c, i, j);
                        }
                    }
                }
            }
            return y;
        }

        @Override
        public Gradients backward(Tensor input, Tensor upstream) {
            throw new UnsupportedOperationException("not needed by the facade tests");
        }

        @Override
        public void adamStep(AdamSettings adam, double learningRate) {
            throw new UnsupportedOperationException("not needed by the facade tests");
        }

        @Override
        public float trainStep(
                Tensor input, Tensor target, AdamSettings adam, double learningRate) {
            return 0.5f; // nothing to learn: the facade tests only follow the trainer's bookkeeping
        }

        @Override
        public Tensor parameter(String name) {
            return params.get(name).copy();
        }

        @Override
        public Map<String, Tensor> parameters() {
            Map<String, Tensor> out = new LinkedHashMap<>();
            params.forEach((k, v) -> out.put(k, v.copy()));
            return out;
        }

        @Override
        public void setParameters(Map<String, Tensor> values) {
            ParameterCheck.requireKnown(spec, values);
            values.forEach((k, v) -> params.put(k, v.copy()));
        }

        @Override
        public OptimizerState optimizerState() {
            return OptimizerState.initial();
        }

        @Override
        public void setOptimizerState(OptimizerState state) {}

        @Override
        public void close() {}
    }
}
