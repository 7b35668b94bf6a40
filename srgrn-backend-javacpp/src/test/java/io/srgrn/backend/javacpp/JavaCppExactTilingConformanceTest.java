package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.ExactTilingConformanceKit;

/**
 * The conformance kit's exact-tiling checks (srgrn-tck) against libtorch through JavaCPP on the
 * CPU.
 */
class JavaCppExactTilingConformanceTest extends ExactTilingConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
