package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BackendConformanceKit;

/** The conformance kit (srgrn-tck) against libtorch through JavaCPP on the CPU. */
class JavaCppConformanceTest extends BackendConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
