package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.NumericsConformanceKit;
import io.srgrn.tck.ReferenceBackend;

/**
 * The kit's numeric checks against the reference behind the SPI: everything must pass, with errors
 * at float32 rounding. It sits outside the kit's package, as a backend module's subclass does.
 */
class ReferenceNumericsConformanceTest extends NumericsConformanceKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
