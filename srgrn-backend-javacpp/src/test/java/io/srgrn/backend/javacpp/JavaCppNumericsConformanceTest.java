package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.NumericsConformanceKit;

/** The conformance kit's numeric checks (srgrn-tck) against libtorch through JavaCPP on the CPU. */
class JavaCppNumericsConformanceTest extends NumericsConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
