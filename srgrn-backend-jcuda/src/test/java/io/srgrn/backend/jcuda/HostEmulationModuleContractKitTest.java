package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ModuleContractKit;

/**
 * The module contract (srgrn-tck: lifecycle, threads, optimizer-state rule, ablation identity) on
 * this backend's modules over {@link HostOps}, including the context's device lock shared by its
 * modules.
 */
class HostEmulationModuleContractKitTest extends ModuleContractKit {
    @Override
    protected Backend backend() {
        return new HostEmulationBackend();
    }
}
