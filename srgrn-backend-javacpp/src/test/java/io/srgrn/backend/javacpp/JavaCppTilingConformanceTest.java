package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.TilingConformanceKit;

/** The conformance kit's tiling checks (srgrn-tck) against libtorch through JavaCPP on the CPU. */
class JavaCppTilingConformanceTest extends TilingConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
