package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inference frees each layer's intermediates once they are consumed, so its peak memory is that
 * of the largest layer rather than the sum over the network. Paper x4 network, 80x80 image, in a
 * forked JVM whose heap is fixed and pre-touched, so the growth is native memory. VmHWM only rises,
 * so the measured growth can overstate the inference's own peak, never understate it. Checked that
 * it can fail: with every intermediate held to the end of the call the growth was 1,247 MB; freeing
 * them early ({@link Intermediates}) it was 211 to 320 MB in runs here.
 */
class PeakMemoryTest {
    private static final Logger LOG = LoggerFactory.getLogger(PeakMemoryTest.class);
    static final int SCALE = 4;
    static final int SIDE = 80;
    static final long MAX_PEAK_GROWTH_KB = 600 * 1024;

    @Test
    void inferencePeakMemoryIsBoundedByTheLargestLayerNotTheWholeNetwork() {
        ForkedJvm.Result r =
                ForkedJvm.run(
                        PeakMemoryProbe.class,
                        List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC"),
                        600,
                        String.valueOf(SCALE),
                        String.valueOf(SIDE));
        assertThat(r.exitCode()).as(r.output()).isZero();
        long before = r.value("RSS_BEFORE_KB=");
        long peak = r.value("PEAK_KB=");
        LOG.info(
                "paper x{} on {}x{}: VmRSS {} kB before the inference, peak {} kB (+{} MB)",
                SCALE,
                SIDE,
                SIDE,
                before,
                peak,
                (peak - before) / 1024);
        assertThat(r.value("OUTPUT_SIZE=")).isEqualTo(3L * SIDE * SCALE * SIDE * SCALE);
        assertThat(peak - before)
                .as("peak VmRSS growth in kB during one inference; probe output:%n%s", r.output())
                .isLessThan(MAX_PEAK_GROWTH_KB);
    }
}
