package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BadInputConformanceKit;

/** The conformance kit's checks of refused input (srgrn-tck) against DJL on the CPU. */
class DjlBadInputConformanceTest extends BadInputConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
