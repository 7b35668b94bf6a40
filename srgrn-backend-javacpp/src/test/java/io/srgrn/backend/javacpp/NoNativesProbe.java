package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.tck.support.ForkedJvm;

/**
 * Forked by {@link NativeLoadingTest}: discovers the backend, asks availability and devices,
 * reports whether natives got mapped, then opens it as a positive control of the check.
 */
public final class NoNativesProbe {
    /**
     * Parts of the file names of libtorch's and JavaCPP's native libraries, as /proc/self/maps
     * lists them.
     */
    static final String[] NATIVE_LIBRARIES = {"libtorch", "libjnitorch", "libc10", "jnijavacpp"};

    private NoNativesProbe() {}

    public static void main(String[] args) {
        Backend backend =
                Backends.discover().stream()
                        .filter(b -> b.name().equals(JavaCppBackend.NAME))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalStateException("javacpp backend not discovered"));
        Availability a = backend.availability();
        System.out.println("AVAILABLE=" + a.available());
        System.out.println("REASON=" + a.reason());
        System.out.println("DEVICES=" + backend.devices());
        System.out.println("PRIORITY=" + backend.priority());
        System.out.println("MAPPED_BEFORE_OPEN=" + ForkedJvm.mapped(NATIVE_LIBRARIES));
        try (BackendContext ctx = backend.open(Device.CPU, BackendOptions.defaults())) {
            System.out.println("OPENED=" + ctx.device());
        }
        System.out.println("MAPPED_AFTER_OPEN=" + ForkedJvm.mapped(NATIVE_LIBRARIES));
    }
}
