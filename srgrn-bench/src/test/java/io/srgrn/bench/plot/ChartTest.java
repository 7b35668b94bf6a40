package io.srgrn.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.bench.report.EvalResults;
import io.srgrn.data.image.PlanarImage;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartTest {

    @Test
    void logAxisLabelsAreCompactParameterCounts() {
        assertThat(Chart.compact(272_662)).isEqualTo("272.662K");
        assertThat(Chart.compact(5_000_000)).isEqualTo("5M");
        assertThat(Chart.compact(1.25e9)).isEqualTo("1.25G");
        assertThat(Chart.compact(0.5)).isEqualTo("0.5");
        assertThat(Chart.compact(2e-4)).isEqualTo("2e-04");
    }

    @Test
    void referenceLinesOutsideTheDataAreStillDrawn() {
        Color line = new Color(0x123456);
        Chart c =
                new Chart("t", "x", "y")
                        .add(
                                Series.markers(
                                        "s",
                                        List.of(new Series.Point(1, 30), new Series.Point(2, 31)),
                                        Color.RED))
                        .reference(new Chart.ReferenceLine(20, "far below", line));
        assertThat(count(c.render(), line)).isGreaterThan(100);
    }

    @Test
    void drawsSeriesInTheirColour() {
        Chart c =
                new Chart("t", "x", "y")
                        .add(
                                Series.markers(
                                        "s",
                                        List.of(new Series.Point(1, 1), new Series.Point(2, 3)),
                                        Color.RED));
        assertThat(count(c.render(), Color.RED)).isGreaterThan(50);
    }

    @Test
    void emptyChartStillRenders() {
        assertThat(new Chart("t", "x", "y").render().getWidth()).isEqualTo(900);
    }

    @Test
    void psnrPlotDrawsParameterlessMethodsAsLines() {
        EvalResults r =
                new EvalResults(
                        "BI",
                        4,
                        "rdn",
                        List.of("Set5"),
                        List.of(
                                EvalResults.Row.measured(
                                        "Bicubic",
                                        null,
                                        Map.of("Set5", new EvalResults.Mean(28.43, 0.81)),
                                        Map.of()),
                                EvalResults.Row.measured(
                                        "m",
                                        272_662L,
                                        Map.of("Set5", new EvalResults.Mean(30.1, 0.85)),
                                        Map.of()),
                                new EvalResults.Row(
                                        "Bicubic",
                                        null,
                                        "paper",
                                        Map.of("Set5", new EvalResults.Mean(28.42, 0.81)),
                                        Map.of())));
        assertThat(PsnrParametersPlot.chart(r, "Set5").render().getHeight()).isEqualTo(600);
    }

    @Test
    void psnrPlotDrawsPublishedModelsAsGreyPoints() {
        EvalResults.Row measured =
                EvalResults.Row.measured(
                        "m", 272_662L, Map.of("Set5", new EvalResults.Mean(30.1, 0.85)), Map.of());
        EvalResults.Row rdn =
                new EvalResults.Row(
                        "RDN",
                        22_000_000L,
                        "RDN paper",
                        Map.of("Set5", new EvalResults.Mean(32.47, 0.899)),
                        Map.of());
        long without =
                count(
                        PsnrParametersPlot.chart(
                                        new EvalResults(
                                                "BI", 4, "rdn", List.of("Set5"), List.of(measured)),
                                        "Set5")
                                .render(),
                        PsnrParametersPlot.PUBLISHED);
        long with =
                count(
                        PsnrParametersPlot.chart(
                                        new EvalResults(
                                                "BI",
                                                4,
                                                "rdn",
                                                List.of("Set5"),
                                                List.of(measured, rdn)),
                                        "Set5")
                                .render(),
                        PsnrParametersPlot.PUBLISHED);
        assertThat(with - without).isGreaterThan(30);
    }

    private static long count(BufferedImage img, Color colour) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == colour.getRGB()) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void comparisonCropFindsTheWorstWindow() {
        float[] a = new float[16 * 16];
        float[] b = new float[16 * 16];
        b[12 * 16 + 13] = 1f;
        PlanarImage ref = new PlanarImage(1, 16, 16, a);
        PlanarImage cand = new PlanarImage(1, 16, 16, b);
        ComparisonFigure.Crop crop = ComparisonFigure.largestDifference(ref, cand, 4);
        assertThat(crop.top()).isBetween(9, 12);
        assertThat(crop.left()).isBetween(10, 13);
        assertThat(crop.size()).isEqualTo(4);
    }

    @Test
    void comparisonPanelsMustMatchTheReferenceSize() {
        PlanarImage hr = new PlanarImage(3, 8, 8, new float[3 * 64]);
        ComparisonFigure f = new ComparisonFigure("t", hr, new ComparisonFigure.Crop(0, 0, 4));
        assertThatThrownBy(
                        () ->
                                f.add(
                                        new ComparisonFigure.Panel(
                                                "x",
                                                new PlanarImage(3, 4, 4, new float[48]),
                                                null)))
                .hasMessageContaining("4x4")
                .hasMessageContaining("8x8");
        assertThatThrownBy(() -> new ComparisonFigure("t", hr, new ComparisonFigure.Crop(6, 0, 4)))
                .hasMessageContaining("outside");
    }
}
