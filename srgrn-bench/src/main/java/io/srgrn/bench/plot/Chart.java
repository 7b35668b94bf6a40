package io.srgrn.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D chart, drawn by JFreeChart: series as lines and/or markers with point labels, linear or
 * base-10 logarithmic axes, horizontal reference lines, a legend and footnotes. Enough for training
 * curves and the PSNR-versus-parameters plot; this class only maps those onto JFreeChart's XYPlot.
 */
public final class Chart {
    /** A horizontal line across the plot at {@code y}, labelled at one end. */
    public record ReferenceLine(double y, String label, Color color) {}

    static final int WIDTH = 900;
    static final int HEIGHT = 600;
    private static final Stroke DASHED =
            new BasicStroke(
                    1.5f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10f,
                    new float[] {8f, 6f},
                    0f);
    private static final Color GRID = new Color(0xdddddd);

    /** Colours that stay apart for the few series a chart has. */
    public static final List<Color> PALETTE =
            List.of(
                    new Color(0x1f77b4),
                    new Color(0xd62728),
                    new Color(0x2ca02c),
                    new Color(0x9467bd),
                    new Color(0xff7f0e),
                    new Color(0x8c564b),
                    new Color(0xe377c2),
                    new Color(0x17becf));

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean logX;
    private boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    public Chart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public Chart logX(boolean on) {
        this.logX = on;
        return this;
    }

    public Chart logY(boolean on) {
        this.logY = on;
        return this;
    }

    public Chart add(Series s) {
        series.add(s);
        return this;
    }

    public Chart reference(ReferenceLine line) {
        references.add(line);
        return this;
    }

    public Chart footnote(String text) {
        footnotes.add(text);
        return this;
    }

    public BufferedImage render() {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (Series s : series) {
            int i = data.getSeriesCount();
            // Keyed by index: two series may share a name; points stay in the caller's order.
            XYSeries xy = new XYSeries(i, false, true);
            List<String> labels = new ArrayList<>();
            for (Series.Point p : s.points()) {
                if (usable(p.x(), logX) && usable(p.y(), logY)) {
                    xy.add(p.x(), p.y());
                    labels.add(p.label());
                }
            }
            data.addSeries(xy);
            renderer.setSeriesPaint(i, s.color());
            renderer.setSeriesLinesVisible(i, s.line());
            renderer.setSeriesShapesVisible(i, s.markers());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            renderer.setSeriesStroke(i, s.dashed() ? DASHED : new BasicStroke(1.8f));
            renderer.setLegendTextFont(i, new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            if (labels.stream().anyMatch(l -> l != null)) {
                renderer.setSeriesItemLabelGenerator(i, (dataset, row, item) -> labels.get(item));
                renderer.setSeriesItemLabelsVisible(i, true);
                renderer.setSeriesItemLabelPaint(i, s.color());
                renderer.setSeriesItemLabelFont(i, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                renderer.setSeriesPositiveItemLabelPosition(
                        i, new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            }
        }
        renderer.setLegendItemLabelGenerator((dataset, index) -> series.get(index).name());

        XYPlot plot = new XYPlot(data, axis(xLabel, logX), axis(yLabel, logY), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setNoDataMessage("no data");
        for (int i = 0; i < references.size(); i++) {
            plot.addRangeMarker(marker(references.get(i), i));
        }
        includeReferences(plot.getRangeAxis(), data);

        JFreeChart chart =
                new JFreeChart(
                        title, new Font(Font.SANS_SERIF, Font.BOLD, 18), plot, !series.isEmpty());
        chart.setBackgroundPaint(Color.WHITE);
        // Bottom subtitles stack upwards from the edge: add the last first so they read top-down in
        // order.
        for (int i = footnotes.size() - 1; i >= 0; i--) {
            TextTitle note =
                    new TextTitle(footnotes.get(i), new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            note.setPaint(new Color(0x555555));
            note.setPosition(RectangleEdge.BOTTOM);
            note.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(note);
        }
        return chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    private static ValueAxis axis(String label, boolean log) {
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        if (log) {
            LogAxis axis = new LogAxis(label);
            axis.setBase(10);
            // Ticks at powers of ten only (exponent steps of 1, 2, 5, ...): round values on a log
            // scale.
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new CompactFormat());
            axis.setLabelFont(labelFont);
            axis.setTickLabelFont(tickFont);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(labelFont);
        axis.setTickLabelFont(tickFont);
        return axis;
    }

    /**
     * Lines close together get their labels on alternate ends, above then below, so none overlap.
     */
    private static ValueMarker marker(ReferenceLine r, int index) {
        ValueMarker m = new ValueMarker(r.y(), r.color(), DASHED);
        m.setLabel(r.label());
        m.setLabelPaint(r.color());
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        boolean right = index % 2 == 0;
        boolean above = (index / 2) % 2 == 0;
        m.setLabelAnchor(right ? RectangleAnchor.RIGHT : RectangleAnchor.LEFT);
        m.setLabelTextAnchor(
                above
                        ? (right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT)
                        : (right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
        return m;
    }

    /**
     * JFreeChart's auto range covers the data only; reference lines must be inside the plot too.
     */
    private void includeReferences(ValueAxis axis, XYSeriesCollection data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ReferenceLine r : references) {
            if (usable(r.y(), logY)) {
                lo = Math.min(lo, r.y());
                hi = Math.max(hi, r.y());
            }
        }
        if (!(lo <= hi)) {
            return;
        }
        Range dataRange = DatasetUtils.findRangeBounds(data);
        if (dataRange != null) {
            lo = Math.min(lo, dataRange.getLowerBound());
            hi = Math.max(hi, dataRange.getUpperBound());
        }
        double pad = logY ? 1.15 : Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.01 + 1e-9);
        axis.setRange(logY ? lo / pad : lo - pad, logY ? hi * pad : hi + pad);
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Tick labels of log axes: 272.7K, 5M, 1.2G (parameter counts), plain numbers below 1000. */
    static String compact(double value) {
        double a = Math.abs(value);
        if (a >= 1e9) {
            return trim(value / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(value / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(value / 1e3) + "K";
        }
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        return trim(value);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** {@link #compact} as the NumberFormat JFreeChart's axes take. */
    private static final class CompactFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(compact(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(compact(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
