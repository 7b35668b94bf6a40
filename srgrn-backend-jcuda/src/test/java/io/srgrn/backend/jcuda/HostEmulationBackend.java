package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This backend's modules and layers ({@link CudaModule}, {@link CudaLayers}, the caching allocator)
 * on {@link HostOps} instead of a GPU, as a backend the conformance kit can check on any machine.
 * It verifies everything but the native calls and the CUDA C of the kernels (whose Java ports it
 * runs).
 */
final class HostEmulationBackend implements Backend {
    final HostMemory memory = new HostMemory();

    @Override
    public String name() {
        return "jcuda-host-emulation";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability availability() {
        return Availability.yes(
                "the jcuda backend's layers on a host emulation of its device operations");
    }

    @Override
    public List<Device> devices() {
        return List.of(Device.CPU);
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        return new Context(this);
    }

    private static final class Context implements BackendContext, ModuleHost {
        private final HostEmulationBackend backend;
        private final HostOps ops;
        private final CachingDeviceAllocator allocator;
        private final Object lock = new Object();
        private final Set<CudaModule> modules = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean closed;

        Context(HostEmulationBackend backend) {
            this.backend = backend;
            this.ops = new HostOps(backend.memory);
            this.allocator = new CachingDeviceAllocator(backend.memory);
        }

        @Override
        public Backend backend() {
            return backend;
        }

        @Override
        public Device device() {
            return Device.CPU;
        }

        @Override
        public synchronized Module compile(LayerSpec spec, Map<String, Tensor> parameters) {
            if (closed) {
                throw new IllegalStateException("the host emulation context is closed");
            }
            ParameterCheck.requireComplete(spec, parameters);
            CudaModule m;
            synchronized (lock) {
                m = new CudaModule(this, spec, parameters);
            }
            modules.add(m);
            return m;
        }

        @Override
        public DeviceOps ops() {
            return ops;
        }

        @Override
        public DeviceAllocator allocator() {
            return allocator;
        }

        @Override
        public Object deviceLock() {
            return lock;
        }

        @Override
        public void bind() {}

        @Override
        public synchronized void forget(CudaModule module) {
            modules.remove(module);
        }

        @Override
        public void close() {
            List<CudaModule> open;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                open = new ArrayList<>(modules);
            }
            open.forEach(CudaModule::close);
            synchronized (lock) {
                allocator.close();
            }
        }
    }
}
