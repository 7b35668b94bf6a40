package io.srgrn.tck;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.ParameterCheck;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.reference.PixelShuffle;
import io.srgrn.tck.reference.ReferenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link ReferenceBackend}'s context: compiles specs into {@link ReferenceModule}s and closes them
 * with itself.
 */
final class ReferenceContext implements BackendContext {
    private final ReferenceBackend backend;
    private final PixelShuffle shuffle;
    private final List<ReferenceModule> modules = new ArrayList<>();
    private boolean closed;

    ReferenceContext(ReferenceBackend backend, PixelShuffle shuffle) {
        this.backend = backend;
        this.shuffle = shuffle;
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
            throw new IllegalStateException("backend context '" + backend.name() + "' is closed");
        }
        ParameterCheck.requireComplete(spec, parameters);
        ReferenceModule module = new ReferenceModule(new ReferenceModel(spec, shuffle), parameters);
        modules.add(module);
        return module;
    }

    @Override
    public synchronized void close() {
        closed = true;
        modules.forEach(ReferenceModule::close);
        modules.clear();
    }
}
