package io.srgrn.bench.plot;

import io.srgrn.data.image.PlanarImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A visual comparison in the style of the paper's Figure 5: the whole HR image with the crop
 * marked, then the same crop from the HR image, Bicubic and each model side by side, each enlarged
 * without smoothing and captioned with its name and score.
 */
public final class ComparisonFigure {
    /** One crop panel: a full-size image (same size as the HR image) with its label and caption. */
    public record Panel(String label, PlanarImage image, String caption) {
        public Panel {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(image, "image");
        }
    }

    /** The crop in HR pixel coordinates. */
    public record Crop(int top, int left, int size) {}

    private static final int PANEL = 180;
    private static final int GAP = 12;
    private static final int CAPTION = 40;

    private final String title;
    private final PlanarImage hr;
    private final Crop crop;
    private final List<Panel> panels = new ArrayList<>();

    public ComparisonFigure(String title, PlanarImage hr, Crop crop) {
        this.title = title;
        this.hr = hr;
        this.crop = crop;
        if (crop.top() < 0
                || crop.left() < 0
                || crop.size() < 1
                || crop.top() + crop.size() > hr.height()
                || crop.left() + crop.size() > hr.width()) {
            throw new IllegalArgumentException(
                    "crop "
                            + crop
                            + " is outside the "
                            + hr.height()
                            + "x"
                            + hr.width()
                            + " image");
        }
    }

    public ComparisonFigure add(Panel panel) {
        if (panel.image().height() != hr.height() || panel.image().width() != hr.width()) {
            throw new IllegalArgumentException(
                    "panel '"
                            + panel.label()
                            + "' is "
                            + panel.image().height()
                            + "x"
                            + panel.image().width()
                            + " but the HR image is "
                            + hr.height()
                            + "x"
                            + hr.width());
        }
        panels.add(panel);
        return this;
    }

    /**
     * The {@code size x size} window (in steps of {@code size / 4}) where {@code reference} and
     * {@code candidate} differ most: where a baseline fails, the comparison is informative.
     */
    public static Crop largestDifference(PlanarImage reference, PlanarImage candidate, int size) {
        int h = reference.height();
        int w = reference.width();
        int s = Math.max(1, Math.min(size, Math.min(h, w)));
        int step = Math.max(1, s / 4);
        int planes = Math.min(reference.channels(), candidate.channels());
        double best = -1;
        Crop bestCrop = new Crop(0, 0, s);
        for (int top = 0; top + s <= h; top += step) {
            for (int left = 0; left + s <= w; left += step) {
                double err = 0;
                for (int c = 0; c < planes; c++) {
                    for (int y = top; y < top + s; y++) {
                        for (int x = left; x < left + s; x++) {
                            double d = reference.get(c, y, x) - candidate.get(c, y, x);
                            err += d * d;
                        }
                    }
                }
                if (err > best) {
                    best = err;
                    bestCrop = new Crop(top, left, s);
                }
            }
        }
        return bestCrop;
    }

    public BufferedImage render() {
        int n = panels.size();
        int perRow = n <= 4 ? Math.max(n, 1) : (n + 1) / 2;
        int rows = n <= 4 ? 1 : 2;
        int cellH = PANEL + CAPTION;
        int gridH = rows * cellH + (rows - 1) * GAP;
        int thumbH = Math.max(gridH, PANEL);
        int thumbW = (int) Math.round((double) hr.width() / hr.height() * thumbH);
        int width = GAP + thumbW + GAP + perRow * (PANEL + GAP);
        int height = 50 + thumbH + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, GAP, 30);

            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(
                    toBuffered(hr, 0, 0, hr.height(), hr.width())
                            .getScaledInstance(thumbW, thumbH, Image.SCALE_SMOOTH),
                    GAP,
                    50,
                    null);
            double k = (double) thumbH / hr.height();
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(
                    GAP + (int) Math.round(crop.left() * k),
                    50 + (int) Math.round(crop.top() * k),
                    (int) Math.round(crop.size() * k),
                    (int) Math.round(crop.size() * k));

            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int i = 0; i < n; i++) {
                Panel p = panels.get(i);
                int x = GAP + thumbW + GAP + (i % perRow) * (PANEL + GAP);
                int y = 50 + (i / perRow) * (cellH + GAP);
                g.drawImage(
                        toBuffered(p.image(), crop.top(), crop.left(), crop.size(), crop.size()),
                        x,
                        y,
                        PANEL,
                        PANEL,
                        null);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                centered(g, p.label(), x + PANEL / 2, y + PANEL + 16);
                if (p.caption() != null) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                    centered(g, p.caption(), x + PANEL / 2, y + PANEL + 32);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void centered(Graphics2D g, String text, int cx, int y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, cx - fm.stringWidth(text) / 2, y);
    }

    /** An 8-bit RGB picture of a region (grey replicated), rounding half up. */
    static BufferedImage toBuffered(PlanarImage image, int top, int left, int h, int w) {
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean grey = image.channels() == 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = byteOf(image.get(0, top + y, left + x));
                int gr = grey ? r : byteOf(image.get(1, top + y, left + x));
                int bl = grey ? r : byteOf(image.get(2, top + y, left + x));
                b.setRGB(x, y, (r << 16) | (gr << 8) | bl);
            }
        }
        return b;
    }

    private static int byteOf(float v) {
        return !(v > 0) ? 0 : v >= 1 ? 255 : (int) Math.floor(v * 255.0 + 0.5);
    }
}
