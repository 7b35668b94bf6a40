package io.srgrn.tck.selfcheck;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A backend whose modules are another backend's, wrapped (by a test double that breaks one thing).
 */
class ForwardingBackend implements Backend {
    private final String name;
    private final Backend delegate;
    private final UnaryOperator<Module> wrapper;

    ForwardingBackend(String name, Backend delegate, UnaryOperator<Module> wrapper) {
        this.name = name;
        this.delegate = delegate;
        this.wrapper = wrapper;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public Availability availability() {
        return delegate.availability();
    }

    @Override
    public List<Device> devices() {
        return delegate.devices();
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        BackendContext inner = delegate.open(device, options);
        Backend self = this;
        return new BackendContext() {
            @Override
            public Backend backend() {
                return self;
            }

            @Override
            public Device device() {
                return inner.device();
            }

            @Override
            public Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
                return wrapper.apply(inner.compile(spec, parameters));
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
