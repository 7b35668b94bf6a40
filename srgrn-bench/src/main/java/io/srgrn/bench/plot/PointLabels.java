package io.srgrn.bench.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Text labels beside chart points, placed so that none overlaps another or leaves the plot area:
 * each label takes the first free spot among right/left of its point, above/below, then further
 * away in steps of one text line (points with nearly equal values, such as published models
 * with the same PSNR, would otherwise print on top of each other).
 */
final class PointLabels {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int GAP = 8;
    private static final int MAX_STEPS = 6;

    private record Label(String text, int x, int y, Color color) {}

    private final Rectangle area;
    private final List<Label> labels = new ArrayList<>();

    PointLabels(Rectangle area) {
        this.area = area;
    }

    void add(String text, int x, int y, Color color) {
        labels.add(new Label(text, x, y, color));
    }

    /** Places and draws every label; one that fits nowhere is drawn at its first choice. */
    void draw(Graphics2D g) {
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle> taken = new ArrayList<>();
        for (Label l : labels) {
            // The markers themselves are obstacles too.
            taken.add(new Rectangle(l.x() - 6, l.y() - 6, 12, 12));
        }
        for (Label l : labels) {
            int w = fm.stringWidth(l.text());
            int h = fm.getAscent() + fm.getDescent();
            Rectangle chosen = null;
            Rectangle first = null;
            for (int step = 0; step <= MAX_STEPS && chosen == null; step++) {
                int dy = step * h;
                for (Rectangle r : List.of(
                        new Rectangle(l.x() + GAP, l.y() - h - 2 - dy, w, h),
                        new Rectangle(l.x() + GAP, l.y() + 2 + dy, w, h),
                        new Rectangle(l.x() - GAP - w, l.y() - h - 2 - dy, w, h),
                        new Rectangle(l.x() - GAP - w, l.y() + 2 + dy, w, h))) {
                    if (first == null) {
                        first = r;
                    }
                    if (area.contains(r) && taken.stream().noneMatch(r::intersects)) {
                        chosen = r;
                        break;
                    }
                }
            }
            Rectangle r = chosen != null ? chosen : first;
            taken.add(r);
            g.setColor(l.color());
            g.drawString(l.text(), r.x, r.y + fm.getAscent());
        }
    }
}
