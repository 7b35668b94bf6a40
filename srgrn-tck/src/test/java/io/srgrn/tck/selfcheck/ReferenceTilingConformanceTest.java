package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ReferenceBackend;
import io.srgrn.tck.TilingConformanceKit;

/** The kit's tiling checks against the reference behind the SPI. */
class ReferenceTilingConformanceTest extends TilingConformanceKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
