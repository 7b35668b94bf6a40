package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ReferenceBackend;
import io.srgrn.tck.StateConformanceKit;

/**
 * The kit's state checks against the reference behind the SPI: everything must pass, with errors at
 * float32 rounding. It sits outside the kit's package, as a backend module's subclass does.
 */
class ReferenceStateConformanceTest extends StateConformanceKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
