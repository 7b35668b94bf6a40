package io.srgrn.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Published PSNR/SSIM set means that {@code srgrn eval} shows beside its own measurements, marked
 * as published, and that the PSNR-vs-parameters plot draws for reference.
 *
 * <p>The bundled table ({@code published-results.csv} next to this class) holds only numbers with a
 * source we can name: the paper's Bicubic rows as SPEC.md section 7 quotes them, and the rows of
 * the methods the paper compares with (RDN, D-DBPN, EDSR) as their authors published them, which is
 * where the paper's tables copy them from. The paper's own SRGRN rows are in none of this project's
 * sources, so they are not bundled: a researcher who has them adds them with a file in the same
 * format ({@code srgrn eval --published FILE}).
 *
 * <p>The format is CSV with the header {@value #HEADER}; {@code parameters} is empty for a method
 * without learnable parameters (Bicubic), {@code ssim} may be empty where the source gives none.
 * Every line is checked, and a bad one is refused with its file, line and column.
 */
public final class PublishedResults {
    /** The header every published-results file starts with. */
    public static final String HEADER = "method,parameters,degradation,scale,set,psnr,ssim,source";

    private static final String BUNDLED = "published-results.csv";
    private static final Set<String> DEGRADATIONS = Set.of("BI", "BD", "DN");

    /**
     * One published set mean.
     *
     * @param parameters learnable parameters as published, or null for none (Bicubic)
     * @param ssim NaN where the source gives no SSIM
     * @param source where the number comes from, in words a reader can look up
     */
    public record Entry(
            String method,
            Long parameters,
            String degradation,
            int scale,
            String set,
            double psnr,
            double ssim,
            String source) {
        public Entry {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(degradation, "degradation");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(source, "source");
        }
    }

    private final List<Entry> entries;

    private PublishedResults(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No published rows. */
    public static PublishedResults none() {
        return new PublishedResults(List.of());
    }

    /** The table that ships with srgrn-bench. */
    public static PublishedResults bundled() {
        try (InputStream in = PublishedResults.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("srgrn-bench is missing its resource " + BUNDLED);
            }
            return parse(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "srgrn-bench:" + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a published-results file; an unreadable or malformed file is refused naming the file.
     */
    public static PublishedResults read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("published results file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read published results file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the CSV text of a published-results file; {@code origin} names it in errors. */
    public static PublishedResults parse(String text, String origin) {
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new IllegalArgumentException(
                    origin
                            + " line 1: expected the header '"
                            + HEADER
                            + "', found '"
                            + (lines.length == 0 ? "" : lines[0].strip())
                            + "'");
        }
        List<Entry> list = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Entry e = entry(line, new Where(origin, i + 1));
            String key = key(e);
            Integer previous = firstLine.putIfAbsent(key, i + 1);
            if (previous != null) {
                throw new IllegalArgumentException(
                        origin
                                + " line "
                                + (i + 1)
                                + ": "
                                + key
                                + " is already given on line "
                                + previous);
            }
            list.add(e);
        }
        return new PublishedResults(list);
    }

    /**
     * These entries, then {@code more}'s. A method, setting and set given in both is kept once when
     * the numbers agree (the sources are joined) and refused when they differ.
     */
    public PublishedResults plus(PublishedResults more) {
        return merge(more, false);
    }

    /**
     * As {@link #plus}, except that where the numbers differ {@code more}'s entry replaces this one
     * and says so in its source: a file the user passes is what the user asked to see (the SRGRN
     * paper quotes RDN's BD x3 Set5 as 34.57 where RDN's own paper prints 34.58).
     */
    public PublishedResults overriddenBy(PublishedResults more) {
        return merge(more, true);
    }

    private PublishedResults merge(PublishedResults more, boolean override) {
        Map<String, Integer> index = new HashMap<>();
        List<Entry> all = new ArrayList<>(entries);
        for (int i = 0; i < all.size(); i++) {
            index.put(key(all.get(i)), i);
        }
        for (Entry e : more.entries) {
            Integer at = index.get(key(e));
            if (at == null) {
                index.put(key(e), all.size());
                all.add(e);
                continue;
            }
            Entry clash = all.get(at);
            boolean same =
                    Double.compare(clash.psnr(), e.psnr()) == 0 && sameSsim(clash.ssim(), e.ssim());
            if (!same && !override) {
                throw new IllegalArgumentException(
                        "published results for "
                                + key(e)
                                + " are given twice with different "
                                + "numbers: "
                                + clash.psnr()
                                + "/"
                                + clash.ssim()
                                + " by '"
                                + clash.source()
                                + "' and "
                                + e.psnr()
                                + "/"
                                + e.ssim()
                                + " by '"
                                + e.source()
                                + "'");
            }
            String source =
                    same
                            ? (clash.source().equals(e.source())
                                    ? clash.source()
                                    : clash.source() + "; also " + e.source())
                            : e.source()
                                    + " ("
                                    + clash.source()
                                    + ": "
                                    + String.format(
                                            java.util.Locale.ROOT,
                                            "%.2f/%.4f",
                                            clash.psnr(),
                                            clash.ssim())
                                    + ")";
            Entry kept = same ? clash : e;
            all.set(
                    at,
                    new Entry(
                            kept.method(),
                            kept.parameters(),
                            kept.degradation(),
                            kept.scale(),
                            kept.set(),
                            kept.psnr(),
                            kept.ssim(),
                            source));
        }
        return new PublishedResults(all);
    }

    /** Equal, or one of them not published (NaN). */
    private static boolean sameSsim(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || Double.compare(a, b) == 0;
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * The published rows for one table: one row per method that has a number for at least one of
     * {@code sets}, in the order the methods first appear.
     */
    public List<EvalResults.Row> rows(String degradation, int scale, List<String> sets) {
        Map<String, List<Entry>> byMethod = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.degradation().equals(degradation)
                    && e.scale() == scale
                    && sets.contains(e.set())) {
                byMethod.computeIfAbsent(e.method(), k -> new ArrayList<>()).add(e);
            }
        }
        List<EvalResults.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> m : byMethod.entrySet()) {
            Map<String, EvalResults.Mean> means = new LinkedHashMap<>();
            for (String set : sets) {
                m.getValue().stream()
                        .filter(e -> e.set().equals(set))
                        .findFirst()
                        .ifPresent(e -> means.put(set, new EvalResults.Mean(e.psnr(), e.ssim())));
            }
            Entry first = m.getValue().get(0);
            List<String> sources = m.getValue().stream().map(Entry::source).distinct().toList();
            rows.add(
                    new EvalResults.Row(
                            m.getKey(),
                            first.parameters(),
                            String.join("; ", sources),
                            means,
                            Map.of()));
        }
        return rows;
    }

    private static String key(Entry e) {
        return e.method() + " " + e.degradation() + " x" + e.scale() + " " + e.set();
    }

    private record Where(String origin, int line) {
        IllegalArgumentException error(String column, String message) {
            return new IllegalArgumentException(
                    origin + " line " + line + ", column " + column + ": " + message);
        }
    }

    private static Entry entry(String line, Where where) {
        List<String> f;
        try {
            f = Csv.parseLine(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where.origin() + " line " + where.line() + ": " + e.getMessage());
        }
        if (f.size() != 8) {
            throw new IllegalArgumentException(
                    where.origin()
                            + " line "
                            + where.line()
                            + ": expected 8 fields ("
                            + HEADER
                            + "), found "
                            + f.size());
        }
        String method = required(f.get(0), "method", where);
        Long parameters = f.get(1).isBlank() ? null : positiveLong(f.get(1), where);
        String degradation = f.get(2).strip();
        if (!DEGRADATIONS.contains(degradation)) {
            throw where.error("degradation", "'" + degradation + "' is not BI, BD or DN");
        }
        int scale =
                switch (f.get(3).strip()) {
                    case "2" -> 2;
                    case "3" -> 3;
                    case "4" -> 4;
                    default ->
                            throw where.error(
                                    "scale", "'" + f.get(3).strip() + "' is not 2, 3 or 4");
                };
        String set = required(f.get(4), "set", where);
        double psnr = number(f.get(5), "psnr", where);
        if (!(psnr > 0 && psnr < 100)) {
            throw where.error("psnr", psnr + " dB is outside (0, 100)");
        }
        double ssim = f.get(6).isBlank() ? Double.NaN : number(f.get(6), "ssim", where);
        if (!Double.isNaN(ssim) && !(ssim > 0 && ssim <= 1)) {
            throw where.error("ssim", ssim + " is outside (0, 1]");
        }
        return new Entry(
                method,
                parameters,
                degradation,
                scale,
                set,
                psnr,
                ssim,
                required(f.get(7), "source", where));
    }

    private static String required(String value, String column, Where where) {
        if (value.isBlank()) {
            throw where.error(column, "is empty");
        }
        return value.strip();
    }

    private static long positiveLong(String text, Where where) {
        try {
            long v = Long.parseLong(text.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the column
        }
        throw where.error(
                "parameters",
                "'" + text.strip() + "' is not a positive whole number (leave it empty for none)");
    }

    private static double number(String text, String column, Where where) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw where.error(column, "'" + text.strip() + "' is not a number");
        }
    }
}
