package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.StateConformanceKit;

/** The conformance kit's state checks (srgrn-tck) against libtorch through JavaCPP on the CPU. */
class JavaCppStateConformanceTest extends StateConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
