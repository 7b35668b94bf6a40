package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.NumericsConformanceKit;

/**
 * The conformance kit's numerics checks on this backend's layers and modules over {@link HostOps}:
 * the layer wiring, hand-written backward passes and Adam of the jcuda backend against the kit's
 * reference, without a GPU.
 */
class HostEmulationNumericsConformanceTest extends NumericsConformanceKit {
    @Override
    protected Backend backend() {
        return new HostEmulationBackend();
    }
}
