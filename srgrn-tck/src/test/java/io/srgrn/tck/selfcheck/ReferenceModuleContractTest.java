package io.srgrn.tck.selfcheck;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ModuleContractKit;
import io.srgrn.tck.ReferenceBackend;

/** The module contract against the reference behind the SPI: the judge follows the same rules. */
class ReferenceModuleContractTest extends ModuleContractKit {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
