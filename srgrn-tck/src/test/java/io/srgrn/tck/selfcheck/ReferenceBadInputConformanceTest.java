package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BadInputConformanceKit;
import io.srgrn.tck.ReferenceBackend;

/**
 * The kit's checks of refused input against the reference behind the SPI: everything must pass,
 * with errors at float32 rounding. It sits outside the kit's package, as a backend module's
 * subclass does.
 */
class ReferenceBadInputConformanceTest extends BadInputConformanceKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
