package io.srgrn.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DJL's PyTorch engine opened on one device; owns the native memory of every module it compiled.
 */
final class DjlBackendContext implements BackendContext {
    private final Backend backend;
    private final Device device;
    private final NDManager manager;
    private final List<DjlModule> modules = new ArrayList<>();
    private boolean closed;

    DjlBackendContext(Backend backend, Device device, Engine engine) {
        this.backend = backend;
        this.device = device;
        this.manager = engine.newBaseManager(toDjl(device));
    }

    static ai.djl.Device toDjl(Device device) {
        return device.isCpu() ? ai.djl.Device.cpu() : ai.djl.Device.gpu(device.index());
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public synchronized Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
        if (closed) {
            throw new IllegalStateException("DJL backend context on " + device + " is closed");
        }
        Objects.requireNonNull(spec, "spec");
        ParameterCheck.requireComplete(spec, parameters);
        DjlModule[] holder = new DjlModule[1];
        DjlModule module =
                DjlModule.compile(
                        spec, parameters, manager, !device.isCpu(), () -> forget(holder[0]));
        holder[0] = module;
        modules.add(module);
        return module;
    }

    private synchronized void forget(DjlModule module) {
        modules.remove(module);
    }

    @Override
    public void close() {
        List<DjlModule> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(modules);
        }
        open.forEach(DjlModule::close);
        manager.close();
    }
}
