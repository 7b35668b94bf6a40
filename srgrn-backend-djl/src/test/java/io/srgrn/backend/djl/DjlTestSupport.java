package io.srgrn.backend.djl;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;

/**
 * One CPU context per test JVM: libtorch is loaded once and shared by the in-process tests. One
 * intra-op thread: the build machine is shared, and OpenMP's barriers slow down by 10x or more when
 * its threads compete with other processes for the cores.
 */
final class DjlTestSupport {
    private static BackendContext context;

    private DjlTestSupport() {}

    static synchronized BackendContext cpu() {
        if (context == null) {
            context = new DjlBackend().open(Device.CPU, new BackendOptions(1));
        }
        return context;
    }
}
