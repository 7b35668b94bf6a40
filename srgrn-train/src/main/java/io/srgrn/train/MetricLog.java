package io.srgrn.train;

import io.srgrn.api.weights.AtomicFiles;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only CSV log keyed by iteration (loss per step, validation scores). Lines are forced to
 * disk at every checkpoint, before the checkpoint is written; on resume the log is cut back to the
 * checkpoint's iteration, dropping lines of the lost interval and any torn last line, so that a
 * resumed run's log equals an uninterrupted run's.
 */
public final class MetricLog implements AutoCloseable {
    private final Path file;
    private final FileOutputStream stream;
    private final BufferedWriter writer;

    private MetricLog(Path file, FileOutputStream stream) {
        this.file = file;
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /** Opens for appending; writes {@code header} when the file is new or empty. */
    public static MetricLog open(Path file, String header) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            MetricLog log = new MetricLog(file, new FileOutputStream(file.toFile(), true));
            if (fresh) {
                log.writer.write(header);
                log.writer.write('\n');
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a line, readable at once by a reader of the file (a {@code tail -f}, a test watching a
     * run); {@link #sync()} is what makes it survive a crash of the machine.
     */
    public void append(String line) {
        try {
            writer.write(line);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One CSV line without its line break (RFC 4180: fields with a comma, quote or line break
     * quoted, quotes doubled; trailing white space dropped), for {@link #append}.
     */
    static String csvLine(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = String.valueOf(fields.get(i));
            boolean quote =
                    v.indexOf(',') >= 0
                            || v.indexOf('"') >= 0
                            || v.indexOf('\n') >= 0
                            || v.indexOf('\r') >= 0;
            sb.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
        }
        return sb.toString().stripTrailing();
    }

    /** Flushes and forces to disk. */
    public void sync() {
        try {
            writer.flush();
            stream.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the header and the complete lines whose first field is an iteration {@code <= last}
     * (atomically rewritten). A missing file stays missing.
     */
    public static void truncate(Path file, long last) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().toList());
            boolean tornLast = !text.isEmpty() && !text.endsWith("\n");
            if (tornLast && !lines.isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (i == 0) {
                    kept.append(l).append('\n');
                    continue;
                }
                int comma = l.indexOf(',');
                try {
                    long it = Long.parseLong(comma < 0 ? l : l.substring(0, comma));
                    if (it <= last) {
                        kept.append(l).append('\n');
                    }
                } catch (NumberFormatException ignored) {
                    // a damaged line from an interrupted write: dropped
                }
            }
            AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads (iteration, value of column {@code column}) pairs, skipping the header and bad lines.
     */
    public static List<double[]> read(Path file, int column) {
        List<double[]> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                if (f.length > column) {
                    try {
                        out.add(
                                new double[] {
                                    Double.parseDouble(f[0]), Double.parseDouble(f[column])
                                });
                    } catch (NumberFormatException ignored) {
                        // skip a damaged line
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
