package io.srgrn.bench.cli;

import io.srgrn.api.json.Json;
import io.srgrn.api.models.ModelCatalog;
import io.srgrn.api.models.ModelInfo;
import io.srgrn.api.models.Models;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
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

/**
 * {@code srgrn models}: the shipped trained models and their measured scores; {@code models add}
 * maintains the catalogue.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        subcommands = ModelsCommand.Add.class,
        description = {
            "Lists the trained models shipped with this build (srgrn-models): name, scale, degradation, "
                    + "size, how long they trained, and their PSNR/SSIM on Set5, Set14 and B100 as measured with "
                    + "'srgrn eval' (protocol rdn, Y channel) on its degradation. 'upscale' uses the default BI model of the scale."
        })
final class ModelsCommand implements Callable<Integer> {
    static final List<String> SETS = List.of("Set5", "Set14", "B100");

    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ModelInfo> models = Models.available();
        if (models.isEmpty()) {
            out.println("No trained models on the class path (add io.srgrn:srgrn-models).");
            return ExitCodes.OK;
        }
        out.print(table(models).render());
        out.println();
        out.println(
                "PSNR (dB) / SSIM on each model's own degradation, protocol rdn (Y channel); '+' rows "
                        + "use self-ensemble (SRGRN+). * = the default for its scale and degradation "
                        + "('upscale' uses the BI one; --degradation or --model picks another). How they were "
                        + "trained: docs/MODELS.md.");
        return ExitCodes.OK;
    }

    static MarkdownTable table(List<ModelInfo> models) {
        List<String> sets = new ArrayList<>(SETS);
        models.forEach(
                m ->
                        m.scores().stream()
                                .map(ModelInfo.Score::set)
                                .filter(s -> !sets.contains(s))
                                .forEach(sets::add));
        List<String> headers =
                new ArrayList<>(
                        List.of(
                                "model",
                                "scale",
                                "degradation",
                                "parameters",
                                "iterations",
                                "training time"));
        headers.addAll(sets);
        MarkdownTable t = new MarkdownTable(headers);
        for (int c = 3; c < headers.size(); c++) {
            t.alignRight(c);
        }
        t.alignRight(1);
        for (ModelInfo m : models) {
            for (boolean ensemble : new boolean[] {false, true}) {
                if (ensemble && sets.stream().noneMatch(s -> m.score(s, true).isPresent())) {
                    continue;
                }
                List<String> cells =
                        new ArrayList<>(
                                List.of(
                                        m.name()
                                                + (ensemble ? "+" : "")
                                                + (m.isDefault() ? " *" : ""),
                                        "x" + m.scale(),
                                        m.degradation(),
                                        Numbers.grouped(m.parameters()),
                                        m.training().getOrDefault("trainedIterations", "-"),
                                        hours(m.training().get("trainingSeconds"))));
                for (String s : sets) {
                    cells.add(
                            m.score(s, ensemble)
                                    .map(c -> Numbers.psnrSsim(c.psnr(), c.ssim()))
                                    .orElse("-"));
                }
                t.row(cells);
            }
        }
        return t;
    }

    private static String hours(String seconds) {
        if (seconds == null) {
            return "-";
        }
        try {
            return ProgressBar.duration(Double.parseDouble(seconds));
        } catch (NumberFormatException e) {
            return "-";
        }
    }

    /**
     * {@code srgrn models add}: puts a weights file into a catalogue folder (srgrn-models'
     * resources) or updates its entry, with scores read from {@code srgrn eval --json} reports.
     */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Adds or updates a model in a catalogue folder (for maintainers: "
                        + "srgrn-models/src/main/resources/io/srgrn/models). Copies --weights as NAME.safetensors, records "
                        + "its SHA-256, size and training metadata, and the scores of the rows named NAME (and NAME+ for "
                        + "self-ensemble) in the given 'srgrn eval' JSON reports."
            })
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "Model name, e.g. compact-bi-x4.")
        String name;

        @Option(
                names = "--catalog-dir",
                required = true,
                paramLabel = "DIR",
                description = "Folder holding catalog.json.")
        Path dir;

        @Option(
                names = "--weights",
                paramLabel = "FILE",
                description = "Weights to ship (default: keep the current file).")
        Path weights;

        @Option(
                names = "--degradation",
                paramLabel = "BI|BD|DN",
                description = "Default: the weights' metadata, else BI.")
        String degradation;

        @Option(
                names = "--default",
                description = "Make it the default model for its scale and degradation.")
        boolean makeDefault;

        @Option(
                names = "--scores",
                paramLabel = "EVAL_JSON",
                description = "'srgrn eval' JSON reports to take scores from.")
        List<Path> scores = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path catalogFile = dir.resolve("catalog.json");
            if (!Files.isRegularFile(catalogFile)) {
                throw new UsageException("--catalog-dir " + dir + " has no catalog.json");
            }
            List<ModelInfo> models =
                    new ArrayList<>(
                            ModelCatalog.parse(
                                    Files.readString(catalogFile), catalogFile.toString()));
            ModelInfo old =
                    models.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
            String file = name + ".safetensors";
            if (weights != null && !Files.isRegularFile(weights)) {
                throw new UsageException("weights file " + weights + " does not exist");
            } else if (weights == null && old == null) {
                throw new UsageException(
                        "model '" + name + "' is not in " + catalogFile + ": give --weights");
            }
            // Everything is read and checked before anything is written: a refused add leaves the
            // catalogue folder as it was.
            Path source = weights != null ? weights : dir.resolve(file);
            byte[] bytes = Files.readAllBytes(source);
            SrgrnWeights w = WeightsFile.load(source);
            Map<String, String> training = new LinkedHashMap<>(w.metadata());
            training.keySet().removeAll(List.of("format", "spec", "config"));
            String sha256 = Models.sha256(bytes);
            // Scores belong to the weights they were measured on: new weights start without any.
            List<ModelInfo.Score> measured =
                    new ArrayList<>(
                            old == null || !old.sha256().equals(sha256) ? List.of() : old.scores());
            // the catalogue's spelling (BI, BD, DN), which Models.defaultFor matches exactly
            String given =
                    degradation != null
                            ? degradation
                            : training.getOrDefault("degradation", "BI").replaceAll("_x\\d$", "");
            String deg =
                    Models.degradationName(given)
                            .orElseThrow(
                                    () ->
                                            new UsageException(
                                                    "degradation '"
                                                            + given
                                                            + "' of model '"
                                                            + name
                                                            + "': expected BI, BD or DN"));
            for (Path report : scores) {
                readScores(report, deg, w.config().scale(), measured);
            }
            boolean isDefault = makeDefault || (old != null && old.isDefault());
            ModelInfo info =
                    new ModelInfo(
                            name,
                            w.config().scale(),
                            deg,
                            training.getOrDefault("preset", "custom"),
                            new SrgrnSpec(w.config()).parameterCount(),
                            isDefault,
                            file,
                            sha256,
                            measured,
                            training);
            List<Object> entries = new ArrayList<>();
            boolean replaced = false;
            for (ModelInfo m : models) {
                if (m.name().equals(name)) {
                    entries.add(ModelCatalog.toJson(info));
                    replaced = true;
                } else {
                    boolean sameSlot =
                            m.scale() == info.scale() && m.degradation().equals(info.degradation());
                    ModelInfo kept =
                            makeDefault && sameSlot && m.isDefault() ? m.withDefault(false) : m;
                    entries.add(ModelCatalog.toJson(kept));
                }
            }
            if (!replaced) {
                entries.add(ModelCatalog.toJson(info));
            }
            if (weights != null) {
                AtomicFiles.write(dir.resolve(file), bytes);
            }
            AtomicFiles.write(
                    catalogFile,
                    (Json.writePretty(Map.of("models", entries)) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            spec.commandLine()
                    .getOut()
                    .print(
                            table(
                                            ModelCatalog.parse(
                                                    Files.readString(catalogFile),
                                                    catalogFile.toString()))
                                    .render());
            return ExitCodes.OK;
        }

        /**
         * The rows NAME and NAME+ of an eval report, replacing earlier scores of the same set and
         * ensemble.
         */
        @SuppressWarnings("unchecked")
        private void readScores(
                Path report, String degradation, int scale, List<ModelInfo.Score> measured)
                throws java.io.IOException {
            Map<String, Object> root = Json.parseObject(Files.readString(report));
            // The catalogue says its scores are protocol rdn on the model's own degradation and
            // scale; a report of anything else would be filed under the wrong heading.
            String measuredOn =
                    root.get("degradation")
                            + " x"
                            + root.get("scale")
                            + ", protocol "
                            + root.get("protocol");
            String expected = degradation + " x" + scale + ", protocol rdn";
            if (!measuredOn.equals(expected)) {
                throw new UsageException(
                        "--scores "
                                + report
                                + " was measured on "
                                + measuredOn
                                + "; model '"
                                + name
                                + "' needs "
                                + expected);
            }
            int found = 0;
            for (Object o : (List<Object>) root.get("rows")) {
                Map<String, Object> row = (Map<String, Object>) o;
                String method = (String) row.get("method");
                boolean ensemble = method.equals(name + "+");
                if (!method.equals(name) && !ensemble) {
                    continue;
                }
                for (Map.Entry<String, Object> cell :
                        ((Map<String, Object>) row.get("sets")).entrySet()) {
                    Map<String, Object> c = (Map<String, Object>) cell.getValue();
                    measured.removeIf(
                            s -> s.set().equals(cell.getKey()) && s.selfEnsemble() == ensemble);
                    measured.add(
                            new ModelInfo.Score(
                                    cell.getKey(),
                                    ensemble,
                                    ((Number) c.get("psnr")).doubleValue(),
                                    ((Number) c.get("ssim")).doubleValue()));
                    found++;
                }
            }
            if (found == 0) {
                throw new UsageException(
                        report + " has no row named '" + name + "' or '" + name + "+'");
            }
        }
    }
}
