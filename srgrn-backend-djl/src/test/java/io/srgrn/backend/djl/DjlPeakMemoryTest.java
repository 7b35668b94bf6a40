package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.tck.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An inference frees each layer's intermediates once they are consumed, so its peak memory is that
 * of the largest layer rather than the sum over the network. Measured on the paper x4 network with
 * an 80x80 image: holding every intermediate to the end of the call grew the resident set by about
 * 1.2 GB, freeing them early by about 0.31 GB; the bound sits between the two. The child JVM's heap
 * is fixed and touched up front, so the growth is native memory. VmHWM only ever rises, so the
 * measured growth can overstate the inference's own peak, never understate it.
 */
class DjlPeakMemoryTest {
    static final int SCALE = 4;
    static final int SIDE = 80;
    static final long MAX_PEAK_GROWTH_KIB = 600 * 1024;

    @Test
    void inferencePeakMemoryIsBoundedByTheLargestLayerNotTheWholeNetwork() {
        ForkedJvm.Result r =
                ForkedJvm.run(
                                PeakMemoryProbe.class,
                                List.of(
                                        "-Xms512m",
                                        "-Xmx512m",
                                        "-XX:+AlwaysPreTouch",
                                        "-XX:+UseSerialGC",
                                        "-XX:MaxDirectMemorySize=64m"),
                                300,
                                String.valueOf(SCALE),
                                String.valueOf(SIDE))
                        .requireSuccess();
        long before = Long.parseLong(r.text("probe.rssBeforeKiB="));
        long peak = Long.parseLong(r.text("probe.peakKiB="));
        assertThat(Integer.parseInt(r.text("probe.outputSize=")))
                .isEqualTo(3 * SIDE * SCALE * SIDE * SCALE);
        assertThat(peak - before)
                .as("peak RSS growth during one inference (KiB); probe output:%n%s", r.output())
                .isLessThan(MAX_PEAK_GROWTH_KIB);
    }
}
