package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ExactTilingConformanceKit;
import io.srgrn.tck.ReferenceBackend;

/** The kit's exact-tiling checks against the reference behind the SPI. */
class ReferenceExactTilingConformanceTest extends ExactTilingConformanceKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
