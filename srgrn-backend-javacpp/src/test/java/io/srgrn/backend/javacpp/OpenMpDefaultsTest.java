package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.OpenMpDefaults;
import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A library user who sets nothing gets libgomp's passive wait policy: with {@code OMP_DISPLAY_ENV=verbose}
 * libgomp reports what it read at load time, and a passive policy shows as a spin count of 0
 * (libgomp's default spins 300000 times).
 */
class OpenMpDefaultsTest {
    private static final Map<String, String> DISPLAY = Map.of("OMP_DISPLAY_ENV", "verbose");
    private static final List<String> UNSET = List.of(OpenMpDefaults.WAIT_POLICY, "GOMP_SPINCOUNT");

    @Test
    void passiveWhenAskedWithoutAnyEnvironment() {
        ForkedJvm.Result r = ForkedJvm.run(OpenMpProbe.class,
                List.of("-D" + OpenMpDefaults.POLICY_PROPERTY + "=passive"), DISPLAY, UNSET, 300);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.hasLine("outcome=SET")).as(r.output()).isTrue();
        assertThat(r.output()).contains("GOMP_SPINCOUNT = '0'");
    }

    @Test
    void byDefaultLibgompsDefaultIsLeft() {
        ForkedJvm.Result r = ForkedJvm.run(OpenMpProbe.class, List.of(), DISPLAY, UNSET, 300);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.hasLine("outcome=DISABLED")).as(r.output()).isTrue();
        assertThat(r.output()).contains("GOMP_SPINCOUNT = '").doesNotContain("GOMP_SPINCOUNT = '0'");
    }
}
