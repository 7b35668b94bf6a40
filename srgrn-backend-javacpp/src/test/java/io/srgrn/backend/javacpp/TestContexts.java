package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;

/** One CPU context shared by the tests of this JVM (libtorch loads once per process anyway). */
final class TestContexts {
    private static BackendContext cpu;

    private TestContexts() {}

    static synchronized BackendContext cpu() {
        if (cpu == null) {
            cpu = new JavaCppBackend().open(Device.CPU, new BackendOptions(2));
        }
        return cpu;
    }
}
