package io.srgrn.backend.djl;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;

/** One CPU context per test JVM: libtorch is loaded once and shared by the in-process tests. */
final class DjlTestSupport {
    private static BackendContext context;

    private DjlTestSupport() {}

    static synchronized BackendContext cpu() {
        if (context == null) {
            context = new DjlBackend().open(Device.CPU, new BackendOptions(2));
        }
        return context;
    }
}
