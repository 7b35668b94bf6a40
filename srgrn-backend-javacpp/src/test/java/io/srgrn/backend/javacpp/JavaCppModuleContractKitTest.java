package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ModuleContractKit;

/** The backend-neutral module contract (srgrn-tck) against libtorch through JavaCPP on the CPU. */
class JavaCppModuleContractKitTest extends ModuleContractKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
