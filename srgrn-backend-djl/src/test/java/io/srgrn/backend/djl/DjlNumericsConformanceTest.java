package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.NumericsConformanceKit;

/** The conformance kit's numeric checks (srgrn-tck) against DJL on the CPU. */
class DjlNumericsConformanceTest extends NumericsConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
