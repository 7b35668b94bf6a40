package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.StateConformanceKit;

/** The conformance kit's state checks (srgrn-tck) against DJL on the CPU. */
class DjlStateConformanceTest extends StateConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
