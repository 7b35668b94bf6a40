package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** An opened javacpp backend on one device; owns the modules it compiled. */
final class JavaCppContext implements BackendContext {
    private final Backend backend;
    private final TorchDevice torchDevice;
    private final Set<JavaCppModule> modules = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    JavaCppContext(Backend backend, Device device) {
        this.backend = backend;
        this.torchDevice = new TorchDevice(device);
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public Device device() {
        return torchDevice.device();
    }

    TorchDevice torchDevice() {
        return torchDevice;
    }

    @Override
    public synchronized Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
        if (closed) {
            throw new IllegalStateException(
                    "the javacpp backend context on " + device() + " is closed");
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(parameters, "parameters");
        ParameterCheck.requireComplete(spec, parameters);
        JavaCppModule module = new JavaCppModule(this, spec, parameters);
        modules.add(module);
        return module;
    }

    synchronized void forget(JavaCppModule module) {
        modules.remove(module);
    }

    /** Modules compiled here and not yet closed. */
    synchronized int openModules() {
        return modules.size();
    }

    /**
     * Closes every module (each waits for its call in progress), then the device. The modules are
     * closed outside this object's lock: a module that closes itself meanwhile calls {@link
     * #forget}.
     */
    @Override
    public void close() {
        List<JavaCppModule> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(modules);
        }
        open.forEach(JavaCppModule::close);
        torchDevice.close();
    }
}
