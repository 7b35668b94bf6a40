package io.srgrn.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which CPUs get oneDNN's SSE4.1 kernels under {@code auto}; what the runtimes read is
 * LibtorchDefaultsKit's job.
 */
class OneDnnDefaultsTest {
    @Test
    void onlyAmdCpusWithAvx512NeedTheSafeKernels() {
        assertThat(
                        OneDnnDefaults.needsSafeKernels(
                                "vendor_id\t: AuthenticAMD\nflags\t\t: fpu sse4_1 avx2 avx512f avx512bw"))
                .isTrue();
        assertThat(
                        OneDnnDefaults.needsSafeKernels(
                                "vendor_id\t: GenuineIntel\nflags\t\t: fpu sse4_1 avx2 avx512f"))
                .isFalse();
        assertThat(
                        OneDnnDefaults.needsSafeKernels(
                                "vendor_id\t: AuthenticAMD\nflags\t\t: fpu sse4_1 avx2"))
                .isFalse();
        assertThat(OneDnnDefaults.needsSafeKernels("")).isFalse();
    }

    @Test
    void noneIsDecidedBeforeAnythingElse() {
        assertThat(OneDnnDefaults.decide("test", "none", "AuthenticAMD avx512f"))
                .isEqualTo(OneDnnDefaults.Outcome.DISABLED);
    }
}
