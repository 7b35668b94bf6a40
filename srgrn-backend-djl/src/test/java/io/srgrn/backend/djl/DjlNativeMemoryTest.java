package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over a long loop. Runs in a fresh JVM whose heap is fixed and touched up
 * front, so the resident set can only grow through native memory. One loop iteration allocates
 * about 3 MB of libtorch tensors, so a per-call leak grows the process by hundreds of MB over the
 * run; the bound leaves room only for allocator and JIT noise.
 */
class DjlNativeMemoryTest {
    static final int WARMUP = 60;
    static final int ITERATIONS = 300;
    static final long MAX_GROWTH_KIB = 24 * 1024;

    @Test
    void residentMemoryStaysFlatOverManyInferencesAndTrainingSteps() {
        ForkedJvm.Result r =
                ForkedJvm.run(
                                NativeMemoryProbe.class,
                                List.of(
                                        "-Xms128m",
                                        "-Xmx128m",
                                        "-XX:+AlwaysPreTouch",
                                        "-XX:+UseSerialGC",
                                        "-XX:MaxDirectMemorySize=64m"),
                                300,
                                String.valueOf(WARMUP),
                                String.valueOf(ITERATIONS))
                        .requireSuccess();
        long start = Long.parseLong(r.text("probe.rssAfterWarmupKiB="));
        long end = Long.parseLong(r.text("probe.rssAtEndKiB="));
        assertThat(Float.parseFloat(r.text("probe.loss="))).isFinite();
        assertThat(end - start)
                .as(
                        "RSS growth over %d iterations (KiB); probe output:%n%s",
                        ITERATIONS, r.output())
                .isLessThan(MAX_GROWTH_KIB);
    }
}
