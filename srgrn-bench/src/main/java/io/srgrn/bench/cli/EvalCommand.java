package io.srgrn.bench.cli;

import io.srgrn.api.Tiling;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.bench.plot.ComparisonFigure;
import io.srgrn.bench.plot.Png;
import io.srgrn.bench.plot.PsnrParametersPlot;
import io.srgrn.bench.report.EvalResults;
import io.srgrn.bench.report.Numbers;
import io.srgrn.bench.report.PublishedResults;
import io.srgrn.data.dataset.BenchmarkSet;
import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.data.resize.MatlabBicubic;
import io.srgrn.metrics.BicubicBaseline;
import io.srgrn.metrics.EvaluationOptions;
import io.srgrn.metrics.EvaluationProtocol;
import io.srgrn.metrics.Evaluator;
import io.srgrn.metrics.GreyMode;
import io.srgrn.metrics.ImageScore;
import io.srgrn.metrics.ScoredImage;
import io.srgrn.metrics.SetScore;
import io.srgrn.metrics.SetScorer;
import io.srgrn.spark.MemorySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code srgrn eval}: PSNR/SSIM on the benchmark sets in the paper's table layout. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Scores models on benchmark sets (PSNR/SSIM on Y, SPEC.md section 7) and prints the paper's "
                    + "table layout (Table 2 for BI, Tables 3/4 for BD/DN). Writes Markdown, CSV (set means and per image) "
                    + "and JSON to --out, a PSNR-vs-parameters plot per set when a model was scored, and with --figures a "
                    + "Figure-5-style visual comparison per set.",
            "Published rows for the same setting are added as '(published)': the paper's Bicubic rows (as quoted "
                    + "in SPEC.md) and RDN, D-DBPN and EDSR as their authors published them; --published FILE adds "
                    + "more (e.g. the paper's SRGRN rows)."
        })
final class EvalCommand implements Callable<Integer> {
    enum DegradationName {
        BI,
        BD,
        DN
    }

    enum ProtocolName {
        RDN("rdn", EvaluationProtocol.RDN),
        RDN_Y8("rdn-y8", EvaluationProtocol.RDN_Y8),
        Y_ONLY("y-only", EvaluationProtocol.Y_ONLY);

        final String label;
        final EvaluationProtocol protocol;

        ProtocolName(String label, EvaluationProtocol protocol) {
            this.label = label;
            this.protocol = protocol;
        }

        static ProtocolName parse(String text) {
            for (ProtocolName p : values()) {
                if (p.label.equalsIgnoreCase(text.trim())
                        || p.name().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException(
                    "unknown protocol '" + text + "'; allowed: rdn, rdn-y8, y-only");
        }
    }

    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Mixin BackendOptionsMixin where;

    @Mixin TilingMixin tiles;

    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "SRGRN weights to score (repeatable).")
    List<Path> weights = new ArrayList<>();

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description =
                    "'bicubic' for the Bicubic row, or a model in the models folder (repeatable).")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--sets",
            split = ",",
            paramLabel = "SET",
            defaultValue = "Set5,Set14,B100",
            description =
                    "Test sets: names under the data root (NAME/HR or NAME) or folders (default: ${DEFAULT-VALUE}).")
    List<String> sets;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder holding the test sets; default: srgrn.data / SRGRN_DATA.")
    Path dataRoot;

    @Option(
            names = "--scale",
            paramLabel = "S",
            description = "2, 3 or 4; default: the weights' scale (required for bicubic alone).")
    Integer scale;

    @Option(
            names = "--degradation",
            paramLabel = "BI|BD|DN",
            defaultValue = "BI",
            description =
                    "BI (bicubic), BD (blur-downscale, x3) or DN (bicubic + noise, x3); default: ${DEFAULT-VALUE}.")
    DegradationName degradation;

    @Option(
            names = "--noise-seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "Seed of DN's noise (default: ${DEFAULT-VALUE}).")
    long noiseSeed;

    @Option(
            names = "--protocol",
            paramLabel = "NAME",
            defaultValue = "rdn",
            converter = ProtocolConverter.class,
            description =
                    "rdn (default, RDN's MATLAB script), rdn-y8 (Y rounded to 8 bits) or y-only (SRCNN/VDSR; BI only).")
    ProtocolName protocol;

    @Option(
            names = "--grey",
            paramLabel = "MODE",
            defaultValue = "REPLICATE",
            description =
                    "Grey test images: REPLICATE to RGB (default) or SINGLE (score the grey value as Y).")
    GreyMode grey;

    @Option(
            names = "--ensemble",
            description = "Score models with self-ensemble (SRGRN+: 8 transforms, 8x slower).")
    boolean ensemble;

    @Option(
            names = "--gammas-off",
            description =
                    "Also score each SRGRN model with its GRUM/GRRB gammas set to 0 (global reasoning branches off; "
                            + "rows named '(gammas 0)'): the difference is what global reasoning contributes in that model.")
    boolean gammasOff;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            defaultValue = "eval-results",
            description =
                    "Where the reports go (default: ${DEFAULT-VALUE}); existing reports are replaced.")
    Path out;

    @Option(
            names = "--published",
            paramLabel = "FILE",
            description =
                    "More published rows to show and plot (repeatable): CSV with the header "
                            + PublishedResults.HEADER
                            + ".")
    List<Path> publishedFiles = new ArrayList<>();

    @Option(names = "--no-published", description = "Show measured rows only.")
    boolean noPublished;

    @Option(
            names = "--figures",
            paramLabel = "DIR",
            description = "Write a Figure-5-style comparison per set here.")
    Path figures;

    @Option(
            names = "--figure-image",
            paramLabel = "NAME",
            description =
                    "Image used for the figures (file name without extension); default: each set's first image.")
    String figureImage;

    static final class ProtocolConverter
            implements picocli.CommandLine.ITypeConverter<ProtocolName> {
        @Override
        public ProtocolName convert(String value) {
            return ProtocolName.parse(value);
        }
    }

    /** A row to measure. */
    private record Method(String label, ModelRef ref, Long parameters, boolean gammasOff) {
        Method(String label, ModelRef ref, Long parameters) {
            this(label, ref, parameters, false);
        }
    }

    /** The images of the figure, per set: the HR image and each method's output. */
    private record FigureImages(
            String image,
            PlanarImage hr,
            Map<String, PlanarImage> outputs,
            Map<String, ImageScore> scores) {}

    @Override
    public Integer call() throws Exception {
        MemorySettings memory = tiles.settings();
        List<Method> methods = methods(memory);
        PublishedResults published = published();
        int s = resolveScale(methods);
        Degradation deg = degradation(s);
        EvaluationOptions options = EvaluationOptions.of(protocol.protocol, grey);
        if (protocol == ProtocolName.Y_ONLY && degradation != DegradationName.BI) {
            throw new UsageException("--protocol y-only is defined for BI only");
        }
        Path root = dataRoot != null ? dataRoot : DataRoot.find().orElse(null);
        List<BenchmarkSet> testSets = openSets(root);
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();

        PairLoader loader = new PairLoader(deg, null, options.scoresGreyAsSingle(), true);
        Map<String, List<HrLrPair>> pairs = new LinkedHashMap<>();
        for (BenchmarkSet set : testSets) {
            pairs.put(set.name(), loader.loadAll(set));
        }
        Map<String, FigureImages> figureData =
                figures == null ? Map.of() : figureImages(testSets, pairs, options, s);
        long total = (long) methods.size() * pairs.values().stream().mapToInt(List::size).sum();
        List<EvalResults.Row> rows = new ArrayList<>();
        try (ProgressBar bar = ProgressBar.onStderr(err, "eval", total)) {
            Scoring scoring =
                    new Scoring(
                            testSets,
                            pairs,
                            loader,
                            new SetScorer(options),
                            new BicubicBaseline(options),
                            figureData,
                            bar);
            for (Method m : methods) {
                rows.add(scoring.measure(m, s, memory));
            }
        }
        List<String> setNames = testSets.stream().map(BenchmarkSet::name).toList();
        rows.addAll(published.rows(degradation.name(), s, setNames));
        EvalResults results =
                new EvalResults(degradation.name(), s, options.label(), setNames, rows);
        stdout.print(results.markdown());
        stdout.flush();
        writeReports(results, err);
        if (figures != null) {
            writeFigures(figureData, s, err);
        }
        return ExitCodes.OK;
    }

    /**
     * Scores each method on every set: a model through the library's {@link SetScorer}, the Bicubic
     * row through {@link BicubicBaseline}; keeps the figure's outputs and moves the progress bar.
     */
    private final class Scoring {
        private final List<BenchmarkSet> sets;
        private final Map<String, List<HrLrPair>> pairs;
        private final PairLoader loader;
        private final SetScorer scorer;
        private final BicubicBaseline bicubic;
        private final Map<String, FigureImages> figureData;
        private final ProgressBar bar;
        private long done;

        Scoring(
                List<BenchmarkSet> sets,
                Map<String, List<HrLrPair>> pairs,
                PairLoader loader,
                SetScorer scorer,
                BicubicBaseline bicubic,
                Map<String, FigureImages> figureData,
                ProgressBar bar) {
            this.sets = sets;
            this.pairs = pairs;
            this.loader = loader;
            this.scorer = scorer;
            this.bicubic = bicubic;
            this.figureData = figureData;
            this.bar = bar;
        }

        EvalResults.Row measure(Method m, int scale, MemorySettings memory) throws IOException {
            Map<String, EvalResults.Mean> means = new LinkedHashMap<>();
            Map<String, List<ImageScore>> images = new LinkedHashMap<>();
            try (ImageUpscaler up = m.ref().open(scale, ensemble, memory, where)) {
                if (m.gammasOff()) {
                    ((ModelUpscaler) up).switchOffGlobalReasoning();
                }
                for (BenchmarkSet set : sets) {
                    SetScore ss =
                            m.ref().bicubic()
                                    ? bicubicSet(m, set)
                                    : scorer.score(
                                            set.name(),
                                            pairs.get(set.name()),
                                            lr -> up.upscale(DecodedImage.of(lr)).color(),
                                            scored -> scored(m, set, scored));
                    means.put(set.name(), new EvalResults.Mean(ss.meanPsnr(), ss.meanSsim()));
                    images.put(set.name(), ss.images());
                }
            }
            return EvalResults.Row.measured(m.label(), m.parameters(), means, images);
        }

        /** The Bicubic row degrades and upscales each HR image itself (SPEC 7's baseline). */
        private SetScore bicubicSet(Method m, BenchmarkSet set) throws IOException {
            List<HrLrPair> setPairs = pairs.get(set.name());
            List<ImageScore> scores = new ArrayList<>();
            for (int i = 0; i < setPairs.size(); i++) {
                HrLrPair pair = setPairs.get(i);
                scores.add(
                        bicubic.score(
                                pair.id(),
                                loader.loadHr(set.entries().get(i)),
                                loader.degradation()));
                bar.update(++done, m.label() + " " + set.name() + "/" + pair.id());
            }
            return new SetScore(set.name(), scores);
        }

        private void scored(Method m, BenchmarkSet set, ScoredImage scored) {
            FigureImages fig = figureData.get(set.name());
            if (fig != null && fig.image().equals(scored.pair().id())) {
                fig.outputs().put(m.label(), scored.sr());
                fig.scores().put(m.label(), scored.score());
            }
            bar.update(++done, m.label() + " " + set.name() + "/" + scored.pair().id());
        }
    }

    private List<Method> methods(MemorySettings memory) {
        // Rows made differently from the paper's say so in their name: + for self-ensemble, fast
        // tiles.
        String variant =
                (ensemble ? "+" : "")
                        + (memory.tileMode() == Tiling.Mode.FAST
                                ? " (tiles " + memory.tile() + "+" + memory.tileOverlap() + ")"
                                : "");
        List<Method> list = new ArrayList<>();
        for (String name : models) {
            ModelRef ref = ModelRef.ofName(name);
            list.add(
                    new Method(
                            ref.label() + (ref.bicubic() ? "" : variant), ref, ref.parameters()));
        }
        for (Path w : weights) {
            ModelRef ref = ModelRef.ofWeights(w);
            list.add(new Method(ref.label() + variant, ref, ref.parameters()));
        }
        if (list.isEmpty()) {
            throw new UsageException(
                    "nothing to evaluate: give --weights FILE and/or --model NAME (e.g. --model bicubic)");
        }
        // Bicubic first, as in the paper's tables.
        list.sort((a, b) -> Boolean.compare(!a.ref().bicubic(), !b.ref().bicubic()));
        if (gammasOff) {
            List<Method> withAblations = new ArrayList<>();
            for (Method m : list) {
                withAblations.add(m);
                if (!m.ref().bicubic()) {
                    withAblations.add(
                            new Method(m.label() + " (gammas 0)", m.ref(), m.parameters(), true));
                }
            }
            return withAblations;
        }
        return list;
    }

    private int resolveScale(List<Method> methods) {
        Integer s = scale;
        for (Method m : methods) {
            Integer stored = m.ref().storedScale().orElse(null);
            if (stored == null) {
                continue;
            }
            if (s != null && !s.equals(stored)) {
                throw new UsageException(
                        (scale != null ? "--scale " + scale : "the other weights' scale x" + s)
                                + " differs from "
                                + m.ref().source()
                                + ", which holds an x"
                                + stored
                                + " model");
            }
            s = stored;
        }
        if (s == null) {
            throw new UsageException(
                    "--scale is required when only the Bicubic baseline is evaluated");
        }
        return ConfigOptions.requireScale(s);
    }

    private Degradation degradation(int s) {
        try {
            return Degradation.named(degradation.name(), s, noiseSeed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replaceFirst("degradation", "--degradation"));
        }
    }

    private List<BenchmarkSet> openSets(Path root) throws IOException {
        List<BenchmarkSet> list = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String raw : sets) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Path asFolder = Path.of(name);
            if (Files.isDirectory(asFolder)
                    && (name.contains("/")
                            || root == null
                            || !Files.isDirectory(root.resolve(name)))) {
                Path hr = asFolder.resolve("HR");
                list.add(
                        BenchmarkSet.openFolder(
                                asFolder.getFileName().toString(),
                                Files.isDirectory(hr) ? hr : asFolder));
            } else if (root != null && Files.isDirectory(root.resolve(name))) {
                list.add(BenchmarkSet.open(root, name));
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException(
                    "test set(s) not found: "
                            + String.join(", ", missing)
                            + (root == null
                                    ? " (no data root: pass --data DIR or set SRGRN_DATA)"
                                    : " (looked in " + root + ")"));
        }
        if (list.isEmpty()) {
            throw new UsageException("no test set given (--sets)");
        }
        return list;
    }

    /** Read before any work, so a bad --published file fails fast. */
    private PublishedResults published() {
        if (noPublished && !publishedFiles.isEmpty()) {
            throw new UsageException("--no-published and --published exclude each other");
        }
        if (noPublished) {
            return PublishedResults.none();
        }
        // The user's files must agree with each other; where they differ from the bundled table,
        // they win.
        PublishedResults given = PublishedResults.none();
        for (Path file : publishedFiles) {
            try {
                given = given.plus(PublishedResults.read(file));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return PublishedResults.bundled().overriddenBy(given);
    }

    private Map<String, FigureImages> figureImages(
            List<BenchmarkSet> testSets,
            Map<String, List<HrLrPair>> pairs,
            EvaluationOptions options,
            int s) {
        Map<String, FigureImages> map = new LinkedHashMap<>();
        Evaluator evaluator = new Evaluator(options);
        for (BenchmarkSet set : testSets) {
            List<HrLrPair> list = pairs.get(set.name());
            HrLrPair pick = list.get(0);
            if (figureImage != null) {
                pick =
                        list.stream()
                                .filter(p -> p.id().equals(figureImage))
                                .findFirst()
                                .orElse(null);
                if (pick == null) {
                    continue;
                }
            }
            Map<String, PlanarImage> outputs = new LinkedHashMap<>();
            Map<String, ImageScore> scores = new LinkedHashMap<>();
            ByteImage bicubic = MatlabBicubic.upscale(pick.lr(), s);
            outputs.put("Bicubic", bicubic.toPlanar());
            scores.put("Bicubic", evaluator.score(pick.id(), pick.hr(), bicubic, s));
            map.put(set.name(), new FigureImages(pick.id(), pick.hr().toPlanar(), outputs, scores));
        }
        if (figureImage != null && map.isEmpty()) {
            throw new UsageException(
                    "--figure-image " + figureImage + " is in none of the sets " + sets);
        }
        return map;
    }

    private void writeReports(EvalResults results, PrintWriter err) throws IOException {
        Files.createDirectories(out);
        String stem = "eval-" + results.degradation() + "-x" + results.scale();
        write(out.resolve(stem + ".md"), results.markdown());
        write(out.resolve(stem + ".csv"), results.csv());
        write(out.resolve(stem + "-per-image.csv"), results.perImageCsv());
        write(out.resolve(stem + ".json"), results.json());
        List<String> written =
                new ArrayList<>(
                        List.of(
                                stem + ".md",
                                stem + ".csv",
                                stem + "-per-image.csv",
                                stem + ".json"));
        if (results.rows().stream().anyMatch(r -> !r.published() && r.parameters() != null)) {
            for (String set : results.sets()) {
                String name =
                        "psnr-vs-params-"
                                + results.degradation()
                                + "-x"
                                + results.scale()
                                + "-"
                                + safe(set)
                                + ".png";
                Png.write(PsnrParametersPlot.chart(results, set).render(), out.resolve(name));
                written.add(name);
            }
        }
        err.println("eval: wrote " + String.join(", ", written) + " to " + out);
    }

    private void writeFigures(Map<String, FigureImages> data, int s, PrintWriter err)
            throws IOException {
        Files.createDirectories(figures);
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, FigureImages> e : data.entrySet()) {
            FigureImages f = e.getValue();
            PlanarImage bicubic = f.outputs().get("Bicubic");
            int side = Math.max(8, Math.min(96, Math.min(f.hr().height(), f.hr().width()) / 4));
            ComparisonFigure.Crop crop = ComparisonFigure.largestDifference(f.hr(), bicubic, side);
            ComparisonFigure fig =
                    new ComparisonFigure(
                            e.getKey()
                                    + " / "
                                    + f.image()
                                    + ", "
                                    + degradation
                                    + " x"
                                    + s
                                    + " (PSNR dB / SSIM of the whole image, protocol "
                                    + protocol.label
                                    + ")",
                            f.hr(),
                            crop);
            fig.add(new ComparisonFigure.Panel("HR", f.hr(), "(ground truth)"));
            for (Map.Entry<String, PlanarImage> o : f.outputs().entrySet()) {
                ImageScore sc = f.scores().get(o.getKey());
                fig.add(
                        new ComparisonFigure.Panel(
                                o.getKey(),
                                o.getValue(),
                                Numbers.fixed(sc.psnr(), 2)
                                        + " dB / "
                                        + Numbers.fixed(sc.ssim(), 4)));
            }
            String name =
                    safe(e.getKey())
                            + "-"
                            + safe(f.image())
                            + "-"
                            + degradation
                            + "-x"
                            + s
                            + ".png";
            Png.write(fig.render(), figures.resolve(name));
            written.add(name);
        }
        err.println("eval: wrote figure(s) " + String.join(", ", written) + " to " + figures);
    }

    private static void write(Path file, String text) {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
