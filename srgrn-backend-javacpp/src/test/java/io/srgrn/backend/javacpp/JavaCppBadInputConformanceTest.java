package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.BadInputConformanceKit;

/**
 * The conformance kit's checks of refused input (srgrn-tck) against libtorch through JavaCPP on the
 * CPU.
 */
class JavaCppBadInputConformanceTest extends BadInputConformanceKit {
    @Override
    protected Backend backend() {
        return new JavaCppBackend();
    }
}
