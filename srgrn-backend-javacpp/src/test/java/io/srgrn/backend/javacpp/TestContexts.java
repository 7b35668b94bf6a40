package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;

/**
 * One CPU context shared by the tests of this JVM (libtorch loads once per process anyway), one
 * intra-op thread: OpenMP threads that spin on an oversubscribed 2-core machine make small ops 50x
 * slower.
 */
final class TestContexts {
    private static BackendContext cpu;

    private TestContexts() {}

    static synchronized BackendContext cpu() {
        if (cpu == null) {
            cpu = new JavaCppBackend().open(Device.CPU, new BackendOptions(1));
        }
        return cpu;
    }
}
