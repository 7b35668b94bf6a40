package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What must hold in a JVM that has not loaded libtorch (each case runs in a fresh one): discovery
 * and availability load no native code, open does, and a libtorch claimed by another backend is
 * refused with a clear error instead of loading a second copy.
 */
class DjlNativeLoadingTest {

    @Test
    void availabilityAndDevicesAnswerWithoutLoadingNatives() {
        Map<String, String> r = ChildJvm.run(NativeLoadingProbe.class, List.of("-Xmx256m"), "discover");
        assertThat(r.get("available")).isEqualTo("true");
        assertThat(r.get("reason")).contains("pytorch-native-cpu", "2.7.1");
        assertThat(r.get("devices")).isEqualTo(List.of(Device.CPU).toString());
        assertThat(r.get("cudaAvailable")).isEqualTo("false");
        assertThat(r.get("cudaReason")).contains("CUDA");
        assertThat(r.get("selected")).isEqualTo(DjlBackend.NAME);
        assertThat(r.get("mappedBeforeOpen")).as(r.get("_output")).isEqualTo("false");
        assertThat(r.get("ownerBeforeOpen")).isEqualTo("null");
        // the same check sees the natives once open has loaded them
        assertThat(r.get("mappedAfterOpen")).as(r.get("_output")).isEqualTo("true");
        assertThat(r.get("ownerAfterOpen")).isEqualTo(DjlBackend.NAME);
        assertThat(r.get("threadsAfterOpen")).isEqualTo("1");
    }

    @Test
    void libtorchClaimedByAnotherBackendIsAClearError() {
        Map<String, String> r = ChildJvm.run(NativeLoadingProbe.class, List.of("-Xmx256m"), "claimed");
        assertThat(r.get("error")).as(r.get("_output")).contains("'djl'", "'javacpp'", "libtorch", "separate JVM");
        assertThat(r.get("mappedAfterRefusal")).isEqualTo("false");
    }

    @Test
    void identityAndPriority() {
        DjlBackend b = new DjlBackend();
        assertThat(b.name()).isEqualTo("djl");
        assertThat(b.priority()).isEqualTo(100);
    }
}
