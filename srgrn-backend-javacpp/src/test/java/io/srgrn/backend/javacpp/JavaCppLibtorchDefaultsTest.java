package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.LibtorchDefaultsKit;

class JavaCppLibtorchDefaultsTest extends LibtorchDefaultsKit {
    @Override
    protected Class<? extends Backend> backendClass() {
        return JavaCppBackend.class;
    }
}
