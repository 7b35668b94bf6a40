package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.Device;
import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What must hold in a JVM that has not loaded libtorch (each case runs in a fresh one): discovery
 * and availability load no native code, open does, and a libtorch claimed by another backend is
 * refused with a clear error instead of loading a second copy.
 */
class DjlNativeLoadingTest {

    @Test
    void availabilityAndDevicesAnswerWithoutLoadingNatives() {
        ForkedJvm.Result r =
                ForkedJvm.run(NativeLoadingProbe.class, List.of("-Xmx256m"), 300, "discover")
                        .requireSuccess();
        assertThat(r.text("probe.available=")).isEqualTo("true");
        assertThat(r.text("probe.reason=")).contains("pytorch-native-cpu", "2.7.1");
        assertThat(r.text("probe.devices=")).isEqualTo(List.of(Device.CPU).toString());
        assertThat(r.text("probe.cudaAvailable=")).isEqualTo("false");
        assertThat(r.text("probe.cudaReason=")).contains("CUDA");
        assertThat(r.text("probe.selected=")).isEqualTo(DjlBackend.NAME);
        assertThat(r.text("probe.mappedBeforeOpen=")).as(r.output()).isEqualTo("false");
        assertThat(r.text("probe.ownerBeforeOpen=")).isEqualTo("null");
        // the same check sees the natives once open has loaded them
        assertThat(r.text("probe.mappedAfterOpen=")).as(r.output()).isEqualTo("true");
        assertThat(r.text("probe.ownerAfterOpen=")).isEqualTo(DjlBackend.NAME);
        assertThat(r.text("probe.threadsAfterOpen=")).isEqualTo("1");
    }

    /**
     * Issue 11: ai.djl.offline=true was set for the whole process, breaking a host application's
     * own DJL model-zoo downloads. It is set only while the engine loads, and only when unset.
     */
    @Test
    void offlineModeIsScopedToLoadingAndAHostsValueIsKept() {
        ForkedJvm.Result unset = loadedWithOfflineUnset();
        assertThat(unset.text("probe.offlineAfterOpen=")).as(unset.output()).isEqualTo("null");
        ForkedJvm.Result host =
                ForkedJvm.run(
                                NativeLoadingProbe.class,
                                List.of("-Xmx256m"),
                                300,
                                "hostOffline",
                                "false")
                        .requireSuccess();
        assertThat(host.text("probe.offlineAfterOpen=")).as(host.output()).isEqualTo("false");
    }

    /**
     * Issue 11: DJL logged "Failed to detect GPU count" twice on every start where a CUDA runtime
     * is installed without a driver (this project's machines); the backend knows there is no GPU.
     */
    @Test
    void djlDoesNotWarnAboutTheGpuCountWhereNoDriverIsVisible() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                CudaProbe.scan().driverVisible(), "a driver is visible here");
        ForkedJvm.Result r = loadedWithOfflineUnset();
        assertThat(r.text("probe.offlineAfterOpen="))
                .isEqualTo("null"); // the probe ran and opened the backend
        assertThat(r.output()).doesNotContain("Failed to detect GPU count");
    }

    private static ForkedJvm.Result offlineUnset;

    /** One child JVM for both tests above: each costs a libtorch load. */
    private static synchronized ForkedJvm.Result loadedWithOfflineUnset() {
        if (offlineUnset == null) {
            offlineUnset =
                    ForkedJvm.run(
                                    NativeLoadingProbe.class,
                                    List.of("-Xmx256m"),
                                    300,
                                    "hostOffline",
                                    "unset")
                            .requireSuccess();
        }
        return offlineUnset;
    }

    @Test
    void libtorchClaimedByAnotherBackendIsAClearError() {
        ForkedJvm.Result r =
                ForkedJvm.run(NativeLoadingProbe.class, List.of("-Xmx256m"), 300, "claimed")
                        .requireSuccess();
        assertThat(r.text("probe.error="))
                .as(r.output())
                .contains("'djl'", "'javacpp'", "libtorch", "separate JVM");
        assertThat(r.text("probe.mappedAfterRefusal=")).isEqualTo("false");
    }

    @Test
    void identityAndPriority() {
        DjlBackend b = new DjlBackend();
        assertThat(b.name()).isEqualTo("djl");
        assertThat(b.priority()).isEqualTo(100);
    }
}
