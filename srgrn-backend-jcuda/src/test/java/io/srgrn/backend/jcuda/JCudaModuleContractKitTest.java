package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.Device;
import io.srgrn.tck.ModuleContractKit;

/**
 * The backend-neutral module contract (srgrn-tck) on cuda:0; skipped with the reason where there is
 * no GPU.
 */
class JCudaModuleContractKitTest extends ModuleContractKit {
    @Override
    protected Backend backend() {
        return CudaBackend.exactFloat32();
    }

    @Override
    protected Device device() {
        return Device.cuda(0);
    }
}
