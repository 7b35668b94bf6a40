package io.srgrn.bench.report;

import io.srgrn.api.json.Json;
import io.srgrn.metrics.ImageScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of one {@code srgrn eval} run in the paper's layout (Tables 2-4): one row per method,
 * one PSNR/SSIM cell per test set, rendered as Markdown, CSV and JSON.
 *
 * @param degradation BI, BD or DN
 * @param protocol the evaluation protocol's label, e.g. {@code rdn}
 * @param sets test set names, in column order
 * @param rows measured rows, then published reference rows
 */
public record EvalResults(
        String degradation, int scale, String protocol, List<String> sets, List<Row> rows) {

    /**
     * One method's scores.
     *
     * @param parameters learnable parameters, or null for a method without any (Bicubic)
     * @param source where a published row's numbers come from; null for a row measured here
     * @param images per-image scores by set (empty for published rows)
     */
    public record Row(
            String method,
            Long parameters,
            String source,
            Map<String, Mean> means,
            Map<String, List<ImageScore>> images) {
        public Row {
            Objects.requireNonNull(method, "method");
            means = new LinkedHashMap<>(means);
            images = new LinkedHashMap<>(images);
        }

        /** A row measured by this run. */
        public static Row measured(
                String method,
                Long parameters,
                Map<String, Mean> means,
                Map<String, List<ImageScore>> images) {
            return new Row(method, parameters, null, means, images);
        }

        /** True for numbers quoted from a publication rather than measured here. */
        public boolean published() {
            return source != null;
        }
    }

    /** A set mean; SSIM is NaN where a published source gives none. */
    public record Mean(double psnr, double ssim) {}

    public EvalResults {
        sets = List.copyOf(sets);
        rows = List.copyOf(rows);
    }

    /** The paper's layout: Method | Scale | one "PSNR/SSIM" column per set. */
    public MarkdownTable table() {
        List<String> headers = new ArrayList<>(List.of("Method", "Scale"));
        headers.addAll(sets);
        MarkdownTable t = new MarkdownTable(headers);
        for (int c = 1; c < headers.size(); c++) {
            t.alignRight(c);
        }
        for (Row r : rows) {
            List<String> cells =
                    new ArrayList<>(
                            List.of(
                                    r.method() + (r.published() ? " (published)" : ""),
                                    "x" + scale));
            for (String s : sets) {
                Mean m = r.means().get(s);
                cells.add(
                        m == null
                                ? "-"
                                : Double.isNaN(m.ssim())
                                        ? Numbers.fixed(m.psnr(), 2) + "/-"
                                        : Numbers.psnrSsim(m.psnr(), m.ssim()));
            }
            t.row(cells);
        }
        return t;
    }

    /** A Markdown document: heading, the table, and how the numbers were made. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## ")
                .append(degradation)
                .append(" x")
                .append(scale)
                .append(": PSNR (dB) / SSIM\n\n");
        sb.append(table().render()).append('\n');
        sb.append("Y channel (BT.601), ")
                .append(scale)
                .append("-pixel border shaved, protocol `")
                .append(protocol)
                .append("` (SPEC.md section 7); each cell is the mean over the set's images.");
        List<Row> published = rows.stream().filter(Row::published).toList();
        if (!published.isEmpty()) {
            sb.append(
                    " Rows marked (published) are quoted, not measured: rounded as printed, each made with its"
                            + " authors' own data and evaluation code.\n\n");
            for (Row r : published) {
                sb.append("- ").append(r.method()).append(": ").append(r.source()).append('\n');
            }
            return sb.toString();
        }
        return sb.append('\n').toString();
    }

    /**
     * One line per method and set: method, parameters, published, degradation, scale, protocol,
     * set, psnr, ssim, images, source (empty for measured rows).
     */
    public String csv() {
        StringBuilder sb =
                new StringBuilder(
                        Csv.line(
                                List.of(
                                        "method",
                                        "parameters",
                                        "published",
                                        "degradation",
                                        "scale",
                                        "protocol",
                                        "set",
                                        "psnr",
                                        "ssim",
                                        "images",
                                        "source")));
        for (Row r : rows) {
            for (String s : sets) {
                Mean m = r.means().get(s);
                if (m == null) {
                    continue;
                }
                List<ImageScore> imgs = r.images().get(s);
                sb.append(
                        Csv.line(
                                List.of(
                                        r.method(),
                                        r.parameters() == null ? "" : r.parameters(),
                                        r.published(),
                                        degradation,
                                        scale,
                                        protocol,
                                        s,
                                        Numbers.fixed(m.psnr(), r.published() ? 2 : 4),
                                        Double.isNaN(m.ssim())
                                                ? ""
                                                : Numbers.fixed(m.ssim(), r.published() ? 4 : 5),
                                        imgs == null ? "" : imgs.size(),
                                        r.published() ? r.source() : "")));
            }
        }
        return sb.toString();
    }

    /** One line per measured image: method, set, image, psnr, ssim. */
    public String perImageCsv() {
        StringBuilder sb =
                new StringBuilder(Csv.line(List.of("method", "set", "image", "psnr", "ssim")));
        for (Row r : rows) {
            r.images()
                    .forEach(
                            (set, list) -> {
                                for (ImageScore i : list) {
                                    sb.append(
                                            Csv.line(
                                                    List.of(
                                                            r.method(),
                                                            set,
                                                            i.name(),
                                                            Numbers.fixed(i.psnr(), 6),
                                                            Numbers.fixed(i.ssim(), 6))));
                                }
                            });
        }
        return sb.toString();
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("degradation", degradation);
        root.put("scale", scale);
        root.put("protocol", protocol);
        root.put("sets", sets);
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", r.method());
            m.put("parameters", r.parameters());
            m.put("published", r.published());
            if (r.published()) {
                m.put("source", r.source());
            }
            Map<String, Object> bySet = new LinkedHashMap<>();
            r.means()
                    .forEach(
                            (set, mean) -> {
                                Map<String, Object> cell = new LinkedHashMap<>();
                                cell.put("psnr", mean.psnr());
                                cell.put("ssim", Double.isNaN(mean.ssim()) ? null : mean.ssim());
                                List<ImageScore> imgs = r.images().get(set);
                                if (imgs != null) {
                                    List<Object> per = new ArrayList<>();
                                    for (ImageScore i : imgs) {
                                        Map<String, Object> e = new LinkedHashMap<>();
                                        e.put("image", i.name());
                                        e.put("psnr", i.psnr());
                                        e.put("ssim", i.ssim());
                                        per.add(e);
                                    }
                                    cell.put("images", per);
                                }
                                bySet.put(set, cell);
                            });
            m.put("sets", bySet);
            list.add(m);
        }
        root.put("rows", list);
        return Json.writePretty(root);
    }
}
