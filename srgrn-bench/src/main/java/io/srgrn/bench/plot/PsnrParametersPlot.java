package io.srgrn.bench.plot;

import io.srgrn.bench.report.EvalResults;
import io.srgrn.bench.report.PublishedResults;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * PSNR against parameter count (the paper's Figure 4) for one test set: every measured model as a
 * labelled point; methods without parameters (Bicubic) and the paper's published Bicubic value as
 * labelled horizontal lines.
 */
public final class PsnrParametersPlot {
    private PsnrParametersPlot() {}

    public static Chart chart(EvalResults results, String set) {
        Chart chart = new Chart("PSNR vs. parameters: " + set + ", " + results.degradation() + " x" + results.scale(),
                "parameters (log scale)", "PSNR (dB), protocol " + results.protocol()).logX(true);
        List<Series.Point> measured = new ArrayList<>();
        int colour = 0;
        for (EvalResults.Row r : results.rows()) {
            EvalResults.Mean m = r.means().get(set);
            if (m == null) {
                continue;
            }
            if (r.parameters() != null && r.parameters() > 0 && !r.published()) {
                measured.add(new Series.Point(r.parameters(), m.psnr(), r.method()));
            } else {
                String label = r.method() + (r.published() ? " (published in the paper)" : " (measured)");
                Color c = r.published() ? Color.GRAY : Chart.PALETTE.get(1 + (colour++ % (Chart.PALETTE.size() - 1)));
                chart.reference(new Chart.ReferenceLine(m.psnr(), label, c));
            }
        }
        chart.add(Series.markers("measured here", measured, Chart.PALETTE.get(0)));
        chart.footnote("Points: models measured by srgrn eval. Dashed lines: methods without parameters.");
        chart.footnote("Published values: " + PublishedResults.SOURCE + ".");
        chart.footnote("The paper's SRGRN and other published model points are not drawn: their values are not quoted "
                + "in this project's sources (SPEC.md).");
        return chart;
    }
}
