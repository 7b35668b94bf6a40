package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.NativeRuntimes;
import io.srgrn.tck.support.ForkedJvm;

/**
 * Forked by {@link NativeLoadingTest}: another backend ("djl") holds libtorch, then javacpp is
 * asked.
 */
public final class ClaimConflictProbe {
    private ClaimConflictProbe() {}

    public static void main(String[] args) {
        NativeRuntimes.claim(NativeRuntimes.LIBTORCH, "djl");
        JavaCppBackend backend = new JavaCppBackend();
        System.out.println("AVAILABLE=" + backend.availability().available());
        System.out.println("REASON=" + backend.availability().reason());
        try {
            backend.open(Device.CPU, BackendOptions.defaults()).close();
            System.out.println("OPENED");
        } catch (BackendUnavailableException e) {
            System.out.println("ERROR=" + e.getMessage());
        }
        System.out.println("MAPPED=" + ForkedJvm.mapped(NoNativesProbe.NATIVE_LIBRARIES));
    }
}
