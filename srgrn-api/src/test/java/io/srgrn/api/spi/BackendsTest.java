package io.srgrn.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendsTest {
    record Fake(String name, int priority, Availability availability) implements Backend {
        @Override
        public List<Device> devices() {
            return List.of(Device.CPU);
        }

        @Override
        public BackendContext open(Device device, BackendOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    private final Fake fast = new Fake("fast", 100, Availability.no("no CUDA device"));
    private final Fake slow = new Fake("slow", 10, Availability.yes("CPU"));
    private final Fake mid = new Fake("mid", 50, Availability.yes("CPU"));

    @AfterEach
    void clearProperty() {
        System.clearProperty(Backends.PROPERTY);
    }

    @Test
    void highestPriorityAvailableWins() {
        assertThat(Backends.select(null, List.of(fast, mid, slow))).isSameAs(mid);
    }

    @Test
    void explicitNameThenPropertyOverridePriority() {
        assertThat(Backends.select("SLOW", List.of(fast, mid, slow))).isSameAs(slow);
        System.setProperty(Backends.PROPERTY, "slow");
        assertThat(Backends.select(null, List.of(fast, mid, slow))).isSameAs(slow);
        assertThat(Backends.select("mid", List.of(fast, mid, slow))).isSameAs(mid);
    }

    @Test
    void errorsListEveryBackendWithReason() {
        assertThatThrownBy(() -> Backends.select("fast", List.of(fast, slow)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'fast' was requested but is unavailable: no CUDA device")
                .hasMessageContaining("slow (priority 10): available");
        assertThatThrownBy(() -> Backends.select("jcuda", List.of(fast, slow)))
                .hasMessageContaining("not on the class path")
                .hasMessageContaining("fast (priority 100): unavailable");
        assertThatThrownBy(() -> Backends.select(null, List.of(fast)))
                .hasMessageContaining("no usable SRGRN backend")
                .hasMessageContaining("no CUDA device");
        assertThatThrownBy(() -> Backends.select(null, List.of()))
                .hasMessageContaining("add a backend module");
    }

    @Test
    void secondLibtorchBackendGetsClearError() {
        NativeRuntimes.claim("test-family", "djl");
        NativeRuntimes.claim("test-family", "djl");
        assertThatThrownBy(() -> NativeRuntimes.claim("test-family", "javacpp"))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("run each backend in a separate JVM");
        assertThat(NativeRuntimes.owner("test-family")).isEqualTo("djl");
    }

    @Test
    void devicesParse() {
        assertThat(Device.parse("cpu")).isEqualTo(Device.CPU);
        assertThat(Device.parse("cuda:1")).isEqualTo(Device.cuda(1));
        assertThat(Device.parse("CUDA")).isEqualTo(Device.cuda(0));
        assertThatThrownBy(() -> Device.parse("tpu")).hasMessageContaining("invalid device 'tpu'");
        assertThatThrownBy(() -> Device.parse("cuda:x")).hasMessageContaining("cuda:N");
    }
}
