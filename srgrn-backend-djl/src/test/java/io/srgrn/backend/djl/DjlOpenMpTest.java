package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.OpenMpDefaults;
import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A library user who sets nothing gets libgomp's passive wait policy (what the {@code srgrn} launcher
 * used to set): libgomp itself reports the policy it read at load time when {@code OMP_DISPLAY_ENV} is
 * {@code verbose}. A passive policy shows as a spin count of 0 (the default spins 300000 times).
 */
class DjlOpenMpTest {
    private static final Map<String, String> DISPLAY = Map.of("OMP_DISPLAY_ENV", "verbose");
    private static final List<String> UNSET = List.of(OpenMpDefaults.WAIT_POLICY, "GOMP_SPINCOUNT");

    @Test
    void passiveWhenAskedWithoutAnyEnvironment() {
        ForkedJvm.Result probe = ForkedJvm.run(OpenMpProbe.class,
                List.of("-D" + OpenMpDefaults.POLICY_PROPERTY + "=passive"), DISPLAY, UNSET, 300).requireSuccess();
        assertThat(probe.text("probe.outcome=")).isEqualTo("SET");
        assertThat(probe.text("probe.processValue=")).isEqualTo("passive");
        assertThat(probe.output()).contains("GOMP_SPINCOUNT = '0'");
    }

    @Test
    void byDefaultLibgompsDefaultIsLeft() {
        ForkedJvm.Result probe = ForkedJvm.run(OpenMpProbe.class, List.of(), DISPLAY, UNSET, 300).requireSuccess();
        assertThat(probe.text("probe.outcome=")).isEqualTo("DISABLED");
        assertThat(probe.output()).doesNotContain("GOMP_SPINCOUNT = '0'").contains("GOMP_SPINCOUNT = '");
    }

    @Test
    void aUserValueIsKept() {
        ForkedJvm.Result probe = ForkedJvm.run(OpenMpProbe.class,
                List.of("-D" + OpenMpDefaults.POLICY_PROPERTY + "=passive"),
                Map.of("OMP_DISPLAY_ENV", "verbose", OpenMpDefaults.WAIT_POLICY, "active"), List.of("GOMP_SPINCOUNT"), 300)
                .requireSuccess();
        assertThat(probe.text("probe.outcome=")).isEqualTo("USER_VALUE_KEPT");
        assertThat(probe.output()).contains("OMP_WAIT_POLICY = 'ACTIVE'");
    }
}
