package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.OpenMpDefaults;

/** Forked-JVM probe for {@link OpenMpDefaultsTest}: opens the backend, which loads libgomp. */
public final class OpenMpProbe {
    private OpenMpProbe() {}

    public static void main(String[] args) {
        try (BackendContext ctx = new JavaCppBackend().open(Device.CPU, new BackendOptions(2))) {
            System.out.println("outcome=" + OpenMpDefaults.apply("javacpp"));
        }
    }
}
