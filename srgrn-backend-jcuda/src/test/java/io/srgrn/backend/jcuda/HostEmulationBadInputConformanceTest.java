package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BadInputConformanceKit;

/** The conformance kit's refused-input checks on this backend's modules over {@link HostOps}. */
class HostEmulationBadInputConformanceTest extends BadInputConformanceKit {
    @Override
    protected Backend backend() {
        return new HostEmulationBackend();
    }
}
