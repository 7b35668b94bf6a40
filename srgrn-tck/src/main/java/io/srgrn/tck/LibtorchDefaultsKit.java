package io.srgrn.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.OneDnnDefaults;
import io.srgrn.api.spi.OpenMpDefaults;
import io.srgrn.tck.support.ForkedJvm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For backends built on libtorch: a library user who sets nothing gets the command line's native
 * settings, set in-process before libtorch loads ({@link OpenMpDefaults}, {@link OneDnnDefaults}),
 * and a user's own environment or {@code none} is respected. Each case runs {@link
 * LibtorchDefaultsProbe} in a child JVM with the runtimes' own reports switched on, so the test
 * reads what libgomp and oneDNN actually used, not what this library believes it set.
 */
public abstract class LibtorchDefaultsKit {
    private static final long LIMIT_SECONDS = 300;
    private static final List<String> UNSET =
            List.of(
                    OpenMpDefaults.WAIT_POLICY,
                    "GOMP_SPINCOUNT",
                    OneDnnDefaults.MAX_CPU_ISA,
                    "ONEDNN_MAX_CPU_ISA",
                    "OMP_NUM_THREADS");

    /** The backend under test (its class is instantiated in the child JVM). */
    protected abstract Class<? extends Backend> backendClass();

    @Test
    void withNothingSetThreadsWaitPassivelyAndOneDnnAvoidsItsBrokenKernels() {
        ForkedJvm.Result r = probe(List.of(), Map.of());
        assertThat(r.text(LibtorchDefaultsProbe.OPENMP)).isEqualTo("SET");
        // libgomp shows a passive policy as a spin count of 0 (its default spins 300000 times).
        assertThat(r.output()).contains("GOMP_SPINCOUNT = '0'");
        if (OneDnnDefaults.needsSafeKernels()) {
            assertThat(r.text(LibtorchDefaultsProbe.ONEDNN)).isEqualTo("SET");
            assertThat(isaReport(r)).as(r.output()).contains("SSE4.1");
        } else {
            assertThat(r.text(LibtorchDefaultsProbe.ONEDNN)).isEqualTo("NOT_NEEDED");
            assertThat(isaReport(r)).as(r.output()).doesNotContain("SSE4.1");
        }
    }

    @Test
    void noneLeavesBothRuntimesAlone() {
        ForkedJvm.Result r =
                probe(
                        List.of(
                                "-D" + OpenMpDefaults.POLICY_PROPERTY + "=none",
                                "-D" + OneDnnDefaults.ISA_PROPERTY + "=none"),
                        Map.of());
        assertThat(r.text(LibtorchDefaultsProbe.OPENMP)).isEqualTo("DISABLED");
        assertThat(r.text(LibtorchDefaultsProbe.ONEDNN)).isEqualTo("DISABLED");
        assertThat(r.output())
                .contains("GOMP_SPINCOUNT = '")
                .doesNotContain("GOMP_SPINCOUNT = '0'");
    }

    @Test
    void theUsersEnvironmentWins() {
        ForkedJvm.Result r =
                probe(
                        List.of(),
                        Map.of(
                                OpenMpDefaults.WAIT_POLICY,
                                "active",
                                OneDnnDefaults.MAX_CPU_ISA,
                                "SSE41"));
        assertThat(r.text(LibtorchDefaultsProbe.OPENMP)).isEqualTo("USER_VALUE_KEPT");
        assertThat(r.text(LibtorchDefaultsProbe.ONEDNN)).isEqualTo("USER_VALUE_KEPT");
        assertThat(r.output()).contains("OMP_WAIT_POLICY = 'ACTIVE'");
        assertThat(isaReport(r)).as(r.output()).contains("SSE4.1");
    }

    private ForkedJvm.Result probe(List<String> jvmOptions, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("OMP_DISPLAY_ENV", "verbose");
        all.put("ONEDNN_VERBOSE", "1");
        List<String> unset = UNSET.stream().filter(name -> !env.containsKey(name)).toList();
        // The kit's own settings for the parent JVM must not leak into the child's decision.
        List<String> options = new java.util.ArrayList<>(jvmOptions);
        if (jvmOptions.stream()
                .noneMatch(o -> o.startsWith("-D" + OpenMpDefaults.POLICY_PROPERTY + "="))) {
            options.add("-D" + OpenMpDefaults.POLICY_PROPERTY + "=passive");
        }
        if (jvmOptions.stream()
                .noneMatch(o -> o.startsWith("-D" + OneDnnDefaults.ISA_PROPERTY + "="))) {
            options.add("-D" + OneDnnDefaults.ISA_PROPERTY + "=auto");
        }
        return ForkedJvm.run(
                        LibtorchDefaultsProbe.class,
                        options,
                        all,
                        unset,
                        LIMIT_SECONDS,
                        backendClass().getName())
                .requireSuccess();
    }

    /** oneDNN's verbose line naming the instruction set it dispatches to. */
    private static String isaReport(ForkedJvm.Result r) {
        return r.output()
                .lines()
                .filter(l -> l.contains("onednn_verbose") && l.contains("isa:"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("oneDNN printed no ISA line:\n" + r.output()));
    }
}
