package io.srgrn.api.spi;

import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;

/**
 * An opened backend on one device: compiles layer specs into executable modules. Closing it closes
 * every module it compiled and frees their native memory.
 */
public interface BackendContext extends AutoCloseable {

    Backend backend();

    Device device();

    /**
     * Compiles {@code spec} with the given parameters, which must hold exactly the spec's parameter
     * names with the spec's shapes (checked with {@link ParameterCheck}).
     */
    Module compile(LayerSpec spec, Map<String, Tensor> parameters);

    @Override
    void close();
}
