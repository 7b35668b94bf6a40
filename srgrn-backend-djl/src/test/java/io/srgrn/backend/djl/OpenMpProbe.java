package io.srgrn.backend.djl;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.OpenMpDefaults;

/** Child-JVM probe for {@link DjlOpenMpTest}: opens the backend, which loads libgomp. */
public final class OpenMpProbe {
    private OpenMpProbe() {}

    public static void main(String[] args) {
        try (BackendContext ctx = new DjlBackend().open(Device.CPU, new BackendOptions(2))) {
            System.out.println("probe.outcome=" + OpenMpDefaults.apply("djl"));
            System.out.println("probe.processValue=" + OpenMpDefaults.processValue());
        }
    }
}
