package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.Device;
import io.srgrn.tck.StateConformanceKit;

/**
 * The conformance kit's state checks (srgrn-tck) on cuda:0, plain float32 (TF32 off); skipped with
 * the reason where there is no GPU.
 */
class JCudaStateConformanceTest extends StateConformanceKit {
    @Override
    protected Backend backend() {
        return CudaBackend.exactFloat32();
    }

    @Override
    protected Device device() {
        return Device.cuda(0);
    }
}
