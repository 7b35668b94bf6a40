package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ModuleContractKit;

/** The backend-neutral module contract (srgrn-tck) against DJL on the CPU. */
class DjlModuleContractKitTest extends ModuleContractKit {
    @Override
    protected Backend backend() {
        return new DjlBackend();
    }
}
