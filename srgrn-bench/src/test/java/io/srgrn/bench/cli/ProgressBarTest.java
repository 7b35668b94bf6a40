package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFractionEtaAndDetail() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "job", 4, false, 0);
        assertThat(bar.render(1, 4, 2.0, Double.NaN, "a.png"))
                .isEqualTo("job [######..................] 1/4  25% ETA 6.0s  a.png");
        assertThat(bar.render(4, 4, 125, Double.NaN, null))
                .isEqualTo("job [########################] 4/4 100% in 2m05s");
        assertThat(bar.render(2, 4, 1, 7200, "")).contains("ETA 2h00m");
    }

    @Test
    void logModePrintsLinesAndAlwaysTheLast() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), "job", 3, false, 60_000);
        bar.update(1, "first");
        bar.update(2, "throttled");
        bar.update(3, "last");
        bar.close();
        assertThat(sink.toString().lines()).hasSize(2);
        assertThat(sink.toString()).contains("first").contains("last").doesNotContain("throttled");
    }

    @Test
    void terminalModeRedrawsInPlaceAndMessagesGetTheirOwnLine() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), "job", 2, true, 0);
        bar.update(1, "half");
        bar.message("note");
        bar.update(2, "done");
        bar.close();
        String s = sink.toString();
        assertThat(s).startsWith("\rjob [");
        assertThat(s).contains("\rnote" + System.lineSeparator());
        assertThat(s).endsWith("done" + System.lineSeparator());
    }
}
