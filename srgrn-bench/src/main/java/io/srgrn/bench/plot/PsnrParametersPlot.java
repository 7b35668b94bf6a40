package io.srgrn.bench.plot;

import io.srgrn.bench.report.EvalResults;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * PSNR against parameter count (the paper's Figure 4) for one test set: the models measured here as
 * labelled points, published models as grey labelled points, and methods without parameters
 * (Bicubic, measured or published) as labelled horizontal lines.
 */
public final class PsnrParametersPlot {
    static final Color PUBLISHED = new Color(0x7f7f7f);

    private PsnrParametersPlot() {}

    public static Chart chart(EvalResults results, String set) {
        Chart chart =
                new Chart(
                                "PSNR vs. parameters: "
                                        + set
                                        + ", "
                                        + results.degradation()
                                        + " x"
                                        + results.scale(),
                                "parameters (log scale)",
                                "PSNR (dB), protocol "
                                        + results.protocol()
                                        + " for measured points")
                        .logX(true);
        List<Series.Point> measured = new ArrayList<>();
        List<Series.Point> published = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        int colour = 0;
        for (EvalResults.Row r : results.rows()) {
            EvalResults.Mean m = r.means().get(set);
            if (m == null) {
                continue;
            }
            if (r.published()) {
                sources.add(r.method());
            }
            boolean hasParameters = r.parameters() != null && r.parameters() > 0;
            if (hasParameters) {
                // Published points are told apart by colour and legend, so their labels stay short.
                (r.published() ? published : measured)
                        .add(new Series.Point(r.parameters(), m.psnr(), r.method()));
            } else {
                Color c =
                        r.published()
                                ? PUBLISHED
                                : Chart.PALETTE.get(1 + (colour++ % (Chart.PALETTE.size() - 1)));
                chart.reference(
                        new Chart.ReferenceLine(
                                m.psnr(),
                                r.method() + (r.published() ? " (published)" : " (measured)"),
                                c));
            }
        }
        chart.add(Series.markers("measured here", measured, Chart.PALETTE.get(0)));
        if (!published.isEmpty()) {
            chart.add(Series.markers("published", published, PUBLISHED));
        }
        chart.footnote(
                "Blue points: models measured by srgrn eval. Grey: published numbers, not measured here. "
                        + "Dashed lines: methods without parameters.");
        if (!sources.isEmpty()) {
            chart.footnote(
                    "Published: "
                            + String.join(", ", sources)
                            + " (rounded as printed; sources in the eval report).");
        }
        if (results.rows().stream()
                .noneMatch(r -> r.published() && r.method().startsWith("SRGRN"))) {
            chart.footnote(
                    "The paper's own SRGRN rows are not in this project's sources; add them with "
                            + "srgrn eval --published FILE.");
        }
        return chart;
    }
}
