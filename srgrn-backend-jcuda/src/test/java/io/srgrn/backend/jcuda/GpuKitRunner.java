package io.srgrn.backend.jcuda;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the conformance kit on cuda:0 from a plain {@code main}, for the lent GPU machine, which has
 * no Maven and no network: {@code scripts/gpu-kit-bundle.sh} packs this class, the kit and a {@code
 * jlink}-ed runtime. Prints JUnit's summary and its failures; exits 0 when every check ran and
 * passed, 1 when one failed, 3 when nothing ran (the kit skipped itself: the reason is in the
 * summary's skipped containers).
 */
public final class GpuKitRunner {
    private GpuKitRunner() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(
                                selectClass(JCudaNumericsConformanceTest.class),
                                selectClass(JCudaStateConformanceTest.class),
                                selectClass(JCudaBadInputConformanceTest.class),
                                selectClass(JCudaModuleContractKitTest.class))
                        .build();
        PrintWriter out = new PrintWriter(System.out, true);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener, reasons(out));
        TestExecutionSummary summary = listener.getSummary();
        summary.printTo(out);
        summary.printFailuresTo(out, 30);
        long failed = summary.getTotalFailureCount();
        System.exit(failed > 0 ? 1 : summary.getTestsSucceededCount() == 0 ? 3 : 0);
    }

    /** Says why a class or check did not pass: a skipped kit names what the GPU machine lacks. */
    private static TestExecutionListener reasons(PrintWriter out) {
        return new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                out.println(id.getDisplayName() + ": skipped: " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    out.println(
                            id.getDisplayName()
                                    + ": "
                                    + result.getStatus()
                                    + result.getThrowable()
                                            .map(t -> ": " + t.getMessage())
                                            .orElse(""));
                }
            }
        };
    }
}
