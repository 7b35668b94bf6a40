package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.srgrn.api.spi.Availability;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs each conformance-kit subclass of this module and checks that, without CUDA, the whole class
 * is skipped (aborted by the kit's assumption) with the backend's own reason, and that nothing
 * failed.
 */
class KitSkipsWithTheReasonTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                JCudaNumericsConformanceTest.class,
                JCudaStateConformanceTest.class,
                JCudaBadInputConformanceTest.class,
                JCudaModuleContractKitTest.class
            })
    void theKitIsSkippedWithTheAvailabilityReason(Class<?> kit) {
        Availability a = CudaBackend.exactFloat32().availability();
        Assumptions.assumeFalse(a.available(), "CUDA is available here: the kit runs for real");
        var events =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(selectClass(kit))
                        .execute()
                        .allEvents();
        assertThat(events.failed().count()).as("failed events of %s", kit.getSimpleName()).isZero();
        List<Event> aborted = events.aborted().list();
        assertThat(aborted).as("%s is aborted as a whole", kit.getSimpleName()).isNotEmpty();
        TestExecutionResult result =
                aborted.get(0).getPayload(TestExecutionResult.class).orElseThrow();
        assertThat(result.getThrowable().orElseThrow().getMessage())
                .contains("backend 'jcuda' is unavailable here: " + a.reason());
        assertThat(events.succeeded().list())
                .as("no test of %s ran", kit.getSimpleName())
                .allMatch(e -> e.getTestDescriptor().isContainer());
    }
}
