package io.srgrn.backend.djl;

import io.srgrn.api.spi.Backend;
import io.srgrn.tck.LibtorchDefaultsKit;

class DjlLibtorchDefaultsTest extends LibtorchDefaultsKit {
    @Override
    protected Class<? extends Backend> backendClass() {
        return DjlBackend.class;
    }
}
