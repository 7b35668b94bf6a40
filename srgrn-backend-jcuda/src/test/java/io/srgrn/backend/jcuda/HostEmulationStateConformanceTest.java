package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.StateConformanceKit;

/**
 * The conformance kit's state checks on this backend's layers and modules over {@link HostOps}: the
 * layer wiring, hand-written backward passes and Adam of the jcuda backend against the kit's
 * reference, without a GPU.
 */
class HostEmulationStateConformanceTest extends StateConformanceKit {
    @Override
    protected Backend backend() {
        return new HostEmulationBackend();
    }
}
