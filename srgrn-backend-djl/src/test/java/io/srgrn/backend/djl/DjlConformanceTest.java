package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BackendConformanceKit;

/** The conformance kit (srgrn-tck) against DJL on the CPU. */
class DjlConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
