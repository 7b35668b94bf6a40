package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.TilingConformanceKit;

/** The conformance kit's tiling checks (srgrn-tck) against DJL on the CPU. */
class DjlTilingConformanceTest extends TilingConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
