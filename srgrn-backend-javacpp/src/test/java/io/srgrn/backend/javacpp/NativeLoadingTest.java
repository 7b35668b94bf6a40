package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What gets loaded when, checked in fresh JVMs through /proc/self/maps. */
class NativeLoadingTest {

    @Test
    void discoveryAvailabilityAndDevicesLoadNoNatives() {
        ForkedJvm.Result r = ForkedJvm.run(NoNativesProbe.class, List.of(), 180);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.hasLine("AVAILABLE=true")).as(r.output()).isTrue();
        assertThat(r.output())
                .contains("REASON=JavaCPP PyTorch presets 2.10.0-1.5.13 with CPU natives");
        assertThat(r.output()).contains("DEVICES=[cpu");
        assertThat(r.hasLine("PRIORITY=90")).as(r.output()).isTrue();
        assertThat(r.hasLine("MAPPED_BEFORE_OPEN=false")).as(r.output()).isTrue();
        // Positive control: the same check sees the natives once the backend is opened.
        assertThat(r.hasLine("MAPPED_AFTER_OPEN=true")).as(r.output()).isTrue();
    }

    @Test
    void libtorchHeldByAnotherBackendGivesAClearErrorAndLoadsNothing() {
        ForkedJvm.Result r = ForkedJvm.run(ClaimConflictProbe.class, List.of(), 180);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.hasLine("AVAILABLE=false")).as(r.output()).isTrue();
        assertThat(r.output())
                .contains("REASON=backend 'djl' already loaded its own libtorch")
                .contains("separate JVM");
        assertThat(r.output())
                .contains("ERROR=backend 'javacpp' cannot load libtorch because backend 'djl'")
                .contains("run each backend in a separate JVM");
        assertThat(r.hasLine("MAPPED=false")).as(r.output()).isTrue();
        assertThat(r.output()).doesNotContain("OPENED");
    }
}
