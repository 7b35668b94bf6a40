package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ExactTilingConformanceKit;

/** The conformance kit's exact-tiling checks (srgrn-tck) against DJL on the CPU. */
class DjlExactTilingConformanceTest extends ExactTilingConformanceKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
