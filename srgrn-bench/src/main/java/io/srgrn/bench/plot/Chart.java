package io.srgrn.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 2-D chart drawn with Java2D: axes with ticks (linear or base-10 logarithmic x), series as lines
 * and/or markers with point labels, horizontal reference lines, a legend and a footnote. Enough for
 * training curves and the PSNR-versus-parameters plot, with no charting library.
 */
public final class Chart {
    /** A horizontal line across the plot at {@code y}, labelled at its right end. */
    public record ReferenceLine(double y, String label, Color color) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    /** Room under the plot: tick labels, axis label and legend; each footnote adds a line. */
    private static final int BOTTOM = 96;
    private static final int FOOTNOTE_LINE = 14;
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);

    /** Colours that stay apart for the few series a chart has. */
    public static final List<Color> PALETTE = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf));

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

    private int bottom() {
        return BOTTOM + FOOTNOTE_LINE * footnotes.size();
    }

    private double tx(double x) {
        return logX ? Math.log10(x) : x;
    }

    private double ty(double y) {
        return logY ? Math.log10(y) : y;
    }

    private boolean usable(Series.Point p) {
        return Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!logX || p.x() > 0) && (!logY || p.y() > 0);
    }

    public BufferedImage render() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void draw(Graphics2D g) {
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            for (Series.Point p : s.points()) {
                if (usable(p)) {
                    extend(xr, tx(p.x()));
                    extend(yr, ty(p.y()));
                }
            }
        }
        for (ReferenceLine r : references) {
            if (Double.isFinite(r.y()) && (!logY || r.y() > 0)) {
                extend(yr, ty(r.y()));
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        centered(g, title, WIDTH / 2, 32);
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - bottom();
        g.setColor(new Color(0x999999));
        g.drawRect(LEFT, TOP, pw, ph);
        if (!Double.isFinite(xr[0])) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            centered(g, "no data", WIDTH / 2, TOP + ph / 2);
            drawFootnotes(g);
            return;
        }
        if (!Double.isFinite(yr[0])) {
            yr[0] = 0;
            yr[1] = 1;
        }
        pad(xr, 0.05);
        pad(yr, 0.08);
        Axis xAxis = new Axis(xr[0], xr[1], LEFT, LEFT + pw);
        Axis yAxis = new Axis(yr[0], yr[1], TOP + ph, TOP);
        drawTicks(g, xAxis, yAxis, pw, ph);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, xLabel, LEFT + pw / 2, TOP + ph + 45);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        centered(rotated, yLabel, -(TOP + ph / 2), 22);
        rotated.dispose();

        Graphics2D clip = (Graphics2D) g.create();
        clip.clipRect(LEFT, TOP, pw + 1, ph + 1);
        List<ReferenceLine> sorted = new ArrayList<>(references);
        sorted.sort((a, b) -> Double.compare(b.y(), a.y()));
        for (int i = 0; i < sorted.size(); i++) {
            ReferenceLine r = sorted.get(i);
            double y = yAxis.map(ty(r.y()));
            clip.setColor(r.color());
            clip.setStroke(DASHED);
            clip.draw(new Line2D.Double(LEFT, y, LEFT + pw, y));
            clip.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
            FontMetrics fm = clip.getFontMetrics();
            // Lines close together get their labels on alternate ends, above then below, so none overlap.
            boolean right = i % 2 == 0;
            boolean above = (i / 2) % 2 == 0;
            float x = right ? LEFT + pw - fm.stringWidth(r.label()) - 6 : LEFT + 6;
            clip.drawString(r.label(), x, (float) (above ? y - 4 : y + fm.getAscent() + 2));
        }
        PointLabels labels = new PointLabels(new Rectangle(LEFT, TOP, pw, ph));
        for (Series s : series) {
            drawSeries(clip, s, xAxis, yAxis, labels);
        }
        labels.draw(clip);
        clip.dispose();
        drawLegend(g);
        drawFootnotes(g);
    }

    private void drawSeries(Graphics2D g, Series s, Axis xAxis, Axis yAxis, PointLabels labels) {
        g.setColor(s.color());
        g.setStroke(s.dashed() ? DASHED : new BasicStroke(1.8f));
        double px = Double.NaN;
        double py = Double.NaN;
        List<Series.Point> pts = s.points();
        for (Series.Point p : pts) {
            if (!usable(p)) {
                px = Double.NaN;
                continue;
            }
            double x = xAxis.map(tx(p.x()));
            double y = yAxis.map(ty(p.y()));
            if (s.line() && !Double.isNaN(px)) {
                g.draw(new Line2D.Double(px, py, x, y));
            }
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Series.Point p : pts) {
            if (!usable(p)) {
                continue;
            }
            int x = (int) Math.round(xAxis.map(tx(p.x())));
            int y = (int) Math.round(yAxis.map(ty(p.y())));
            if (s.markers()) {
                g.fillOval(x - 5, y - 5, 10, 10);
            }
            if (p.label() != null) {
                labels.add(p.label(), x, y, s.color());
            }
        }
    }

    private void drawLegend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int x = LEFT;
        int y = HEIGHT - bottom() + 72;
        for (Series s : series) {
            g.setColor(s.color());
            if (s.markers()) {
                g.fillOval(x, y - 9, 10, 10);
            }
            if (s.line()) {
                g.setStroke(s.dashed() ? DASHED : new BasicStroke(2f));
                g.drawLine(x - 4, y - 4, x + 14, y - 4);
            }
            g.setColor(Color.BLACK);
            g.drawString(s.name(), x + 20, y);
            x += 40 + fm.stringWidth(s.name());
        }
    }

    private void drawFootnotes(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0x555555));
        int y = HEIGHT - bottom() + 72 + 8 + FOOTNOTE_LINE;
        for (String f : footnotes) {
            g.drawString(f, 10, y);
            y += FOOTNOTE_LINE;
        }
    }

    private void drawTicks(Graphics2D g, Axis xAxis, Axis yAxis, int pw, int ph) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (double v : ticks(xAxis.lo, xAxis.hi, logX)) {
            int x = (int) Math.round(xAxis.map(v));
            g.setColor(new Color(0xeeeeee));
            g.drawLine(x, TOP + 1, x, TOP + ph - 1);
            g.setColor(Color.BLACK);
            g.drawLine(x, TOP + ph, x, TOP + ph + 5);
            centered(g, tickLabel(v, logX), x, TOP + ph + 20);
        }
        for (double v : ticks(yAxis.lo, yAxis.hi, logY)) {
            int y = (int) Math.round(yAxis.map(v));
            g.setColor(new Color(0xeeeeee));
            g.drawLine(LEFT + 1, y, LEFT + pw - 1, y);
            g.setColor(Color.BLACK);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String label = tickLabel(v, logY);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
    }

    /** Round tick positions in axis units: powers of ten for log axes, 1/2/5 steps otherwise. */
    static List<Double> ticks(double lo, double hi, boolean log) {
        List<Double> out = new ArrayList<>();
        if (log) {
            for (double e = Math.ceil(lo); e <= hi + 1e-9; e++) {
                out.add(e);
            }
            if (out.size() >= 2) {
                return out;
            }
            // Less than two decades: round values in linear space, placed on the log axis.
            out.clear();
            for (double v : ticks(Math.pow(10, lo), Math.pow(10, hi), false)) {
                if (v > 0) {
                    out.add(Math.log10(v));
                }
            }
            return out;
        }
        double span = hi - lo;
        if (!(span > 0)) {
            out.add(lo);
            return out;
        }
        double raw = span / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (long k = (long) Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) {
            // k * step, rounded to 12 significant digits so that 3 * 0.2 is 0.6
            out.add(k == 0 ? 0.0 : Double.parseDouble(String.format(Locale.ROOT, "%.12g", k * step)));
        }
        return out;
    }

    private static String tickLabel(double v, boolean log) {
        double value = log ? Math.pow(10, v) : v;
        double a = Math.abs(value);
        if (a >= 1e4 || (log && a >= 1e3)) {
            if (a >= 1e9) {
                return trim(value / 1e9) + "G";
            }
            if (a >= 1e6) {
                return trim(value / 1e6) + "M";
            }
            if (a >= 1e3) {
                return trim(value / 1e3) + "K";
            }
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

    private static void extend(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    private static void pad(double[] range, double fraction) {
        double span = range[1] - range[0];
        if (span <= 0) {
            double d = range[0] == 0 ? 1 : Math.abs(range[0]) * 0.05;
            range[0] -= d;
            range[1] += d;
        } else {
            range[0] -= span * fraction;
            range[1] += span * fraction;
        }
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x - fm.stringWidth(text) / 2, y);
    }

    /** Maps axis units linearly onto pixels. */
    private record Axis(double lo, double hi, double pixelLo, double pixelHi) {
        double map(double v) {
            return pixelLo + (v - lo) / (hi - lo) * (pixelHi - pixelLo);
        }
    }
}
