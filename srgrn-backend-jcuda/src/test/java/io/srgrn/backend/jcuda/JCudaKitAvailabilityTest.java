package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Device;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Makes the kit's skip visible in the build's report: Surefire counts a class aborted in
 * {@code @BeforeAll} (how the kit skips an unavailable backend) as zero tests run, not as skipped,
 * so without this test a machine without a GPU would show the kit as silently absent. Here it
 * reports "skipped: backend 'jcuda' is unavailable here: REASON"; with CUDA it checks that the
 * kit's device is offered.
 */
class JCudaKitAvailabilityTest {
    @Test
    void theConformanceKitRunsOnCuda0() {
        Availability a = CudaBackend.exactFloat32().availability();
        Assumptions.assumeTrue(
                a.available(), () -> "skipped: backend 'jcuda' is unavailable here: " + a.reason());
        assertThat(CudaBackend.exactFloat32().devices()).contains(Device.cuda(0));
    }
}
