package io.srgrn.tck.selfcheck;

import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Gradients;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.ReferenceBackend;
import io.srgrn.tck.reference.PixelShuffle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deliberately wrong backends, each with one realistic bug, to show that the kit catches it. */
final class BrokenBackends {
    private BrokenBackends() {}

    /**
     * Pixel shuffle with the sub-pixel row and column swapped: (i, j) read from channel c*r*r + j*r
     * + i.
     */
    static Backend transposedPixelShuffle() {
        return new ReferenceBackend(
                "transposed-pixel-shuffle",
                new PixelShuffle() {
                    @Override
                    protected int sourceChannel(int c, int i, int j, int r) {
                        return c * r * r + j * r + i;
                    }
                });
    }

    /**
     * backward() leaves out the gradients of the parameters SPEC initialises to zero (the gammas).
     */
    static Backend droppedGammaGradients() {
        return new ForwardingBackend(
                "dropped-gamma-gradients",
                new ReferenceBackend(),
                m ->
                        new ForwardingModule(m) {
                            @Override
                            public Gradients backward(Tensor input, Tensor upstream) {
                                Gradients g = delegate.backward(input, upstream);
                                Map<String, Tensor> kept = new LinkedHashMap<>(g.parameters());
                                for (ParamSpec p : spec().parameters()) {
                                    if (p.init() == ParamSpec.Init.ZERO) {
                                        kept.remove(p.name());
                                    }
                                }
                                return new Gradients(g.input(), kept);
                            }
                        });
    }

    /** Adam ignores the eps it is given and uses the paper's 1e-8. */
    static Backend hardCodedAdamEps() {
        return new ForwardingBackend(
                "hard-coded-adam-eps",
                new ReferenceBackend(),
                m ->
                        new ForwardingModule(m) {
                            @Override
                            public void adamStep(AdamSettings adam, double learningRate) {
                                delegate.adamStep(paperEps(adam), learningRate);
                            }

                            @Override
                            public float trainStep(
                                    Tensor input,
                                    Tensor target,
                                    AdamSettings adam,
                                    double learningRate) {
                                return delegate.trainStep(
                                        input, target, paperEps(adam), learningRate);
                            }

                            private AdamSettings paperEps(AdamSettings adam) {
                                return new AdamSettings(adam.beta1(), adam.beta2(), 1e-8);
                            }
                        });
    }

    /**
     * setParameters applies the map one entry at a time, so a bad entry leaves the earlier ones
     * applied.
     */
    static Backend partialSetParameters() {
        return new ForwardingBackend(
                "partial-set-parameters",
                new ReferenceBackend(),
                m ->
                        new ForwardingModule(m) {
                            @Override
                            public void setParameters(Map<String, Tensor> values) {
                                values.forEach(
                                        (name, value) ->
                                                delegate.setParameters(Map.of(name, value)));
                            }
                        });
    }

    /** A backend that cannot run here, as a GPU backend on a machine without a GPU. */
    static Backend unavailable() {
        return new Backend() {
            @Override
            public String name() {
                return "unavailable";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public Availability availability() {
                return Availability.no("no CUDA driver found (test double)");
            }

            @Override
            public List<Device> devices() {
                return List.of();
            }

            @Override
            public BackendContext open(Device device, BackendOptions options) {
                throw new BackendUnavailableException("unavailable (test double)");
            }
        };
    }
}
