package io.srgrn.bench.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of long work on stderr. On a terminal it redraws one line in place ({@code \r}) at most
 * ten times a second; otherwise (a log file, a test) it prints a full line at most every {@code
 * lineIntervalMillis} and always the last one, so logs stay short.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean interactive;
    private final long lineIntervalMillis;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private long done;
    private int lastLength;
    private boolean closed;
    private double eta = Double.NaN;

    ProgressBar(
            PrintWriter err,
            String label,
            long total,
            boolean interactive,
            long lineIntervalMillis) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 0);
        this.interactive = interactive;
        this.lineIntervalMillis = lineIntervalMillis;
    }

    /** A bar for stderr: interactive when a console is attached. */
    static ProgressBar onStderr(PrintWriter err, String label, long total) {
        return new ProgressBar(err, label, total, System.console() != null, 10_000);
    }

    /** Reports {@code doneSoFar} of the total with extra text (e.g. the current file or loss). */
    void update(long doneSoFar, String detail) {
        update(doneSoFar, detail, Double.NaN);
    }

    /**
     * As {@link #update(long, String)} with the caller's own ETA in seconds (NaN: estimate from
     * this bar's pace).
     */
    void update(long doneSoFar, String detail, double etaSeconds) {
        this.eta = etaSeconds;
        this.done = doneSoFar;
        long now = System.nanoTime();
        boolean last = doneSoFar >= total;
        long minGap = interactive ? 100_000_000L : lineIntervalMillis * 1_000_000L;
        if (!last && lastDrawNanos != 0 && now - lastDrawNanos < minGap) {
            return;
        }
        lastDrawNanos = now;
        draw(detail);
    }

    private void draw(String detail) {
        String text = render(done, total, (System.nanoTime() - startNanos) / 1e9, eta, detail);
        if (interactive) {
            String padded = text + " ".repeat(Math.max(0, lastLength - text.length()));
            err.print("\r" + padded);
            lastLength = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    String render(long doneSoFar, long all, double seconds, double etaSeconds, String detail) {
        double fraction = all == 0 ? 1 : Math.min(1, (double) doneSoFar / all);
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder sb =
                new StringBuilder(label)
                        .append(" [")
                        .append("#".repeat(filled))
                        .append(".".repeat(WIDTH - filled))
                        .append("] ")
                        .append(doneSoFar)
                        .append('/')
                        .append(all)
                        .append(String.format(Locale.ROOT, " %3.0f%%", fraction * 100));
        if (doneSoFar > 0 && doneSoFar < all) {
            double left =
                    Double.isNaN(etaSeconds) ? seconds / doneSoFar * (all - doneSoFar) : etaSeconds;
            sb.append(" ETA ").append(duration(left));
        } else if (doneSoFar >= all) {
            sb.append(" in ").append(duration(seconds));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append("  ").append(detail);
        }
        return sb.toString();
    }

    /** {@code 1h02m}, {@code 3m07s} or {@code 12.3s}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%.1fs", seconds);
    }

    /** Prints a message on a line of its own (ending an in-place bar first). */
    void message(String text) {
        if (interactive && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(text);
        err.flush();
    }

    /** Ends the in-place line on a terminal so the next output starts on a fresh line. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (interactive && lastLength > 0) {
            err.println();
            err.flush();
        }
    }
}
