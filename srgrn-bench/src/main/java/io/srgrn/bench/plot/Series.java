package io.srgrn.bench.plot;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * One data series of a {@link Chart}: points joined by a line and/or drawn as markers, optionally
 * each with its own text label.
 */
public record Series(
        String name,
        List<Point> points,
        Color color,
        boolean line,
        boolean markers,
        boolean dashed) {

    /** A point, with an optional label drawn beside it (null for none). */
    public record Point(double x, double y, String label) {
        public Point(double x, double y) {
            this(x, y, null);
        }
    }

    public Series {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
        Objects.requireNonNull(color, "color");
    }

    public static Series line(String name, List<Point> points, Color color) {
        return new Series(name, points, color, true, false, false);
    }

    public static Series markers(String name, List<Point> points, Color color) {
        return new Series(name, points, color, false, true, false);
    }

    public Series withMarkers() {
        return new Series(name, points, color, line, true, dashed);
    }
}
