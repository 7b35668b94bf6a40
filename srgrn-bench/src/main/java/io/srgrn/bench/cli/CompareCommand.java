package io.srgrn.bench.cli;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.json.Json;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.api.weights.Safetensors;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code srgrn compare}: the same weights and inputs on several backends, each in a JVM of its own;
 * the largest output difference between them and forward / training-step times side by side.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the same seeded weights and input on each backend, each in its own JVM (two libtorch "
                    + "builds cannot share a process), and prints the largest output difference between backends and "
                    + "median forward / training-step times side by side. Unavailable backends are listed with the reason.",
            "Gammas are set to 0.5 (not the initial 0) so that the graph-reasoning paths are compared too."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Option(
            names = "--backends",
            split = ",",
            paramLabel = "NAME",
            description =
                    "Backends to compare, e.g. djl,javacpp,jcuda; default: every backend found.")
    List<String> backends;

    @Option(
            names = "--config",
            paramLabel = "PRESET",
            defaultValue = "compact",
            completionCandidates = ConfigOptions.Names.class,
            description =
                    "Model configuration: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String config;

    @Option(
            names = "--scale",
            paramLabel = "S",
            defaultValue = "4",
            description = "2, 3 or 4 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--size",
            paramLabel = "PIXELS",
            defaultValue = "48",
            description =
                    "Side of the LR input (default: ${DEFAULT-VALUE}, the paper's patch size).")
    int size;

    @Option(
            names = "--batch",
            paramLabel = "N",
            defaultValue = "16",
            description =
                    "Batch of the timed training step (default: ${DEFAULT-VALUE}, the paper's).")
    int batch;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "2",
            description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--repeats",
            paramLabel = "N",
            defaultValue = "5",
            description = "Timed runs; the median is shown (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the weights and inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            defaultValue = "",
            description =
                    "Device for every backend (cpu, cuda:N); default: each backend's first device.")
    String device;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            converter = ThreadCount.class,
            description = "Intra-op CPU threads; 0 = backend default.")
    int threads;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "900",
            description = "Give up on a backend after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    /** One backend's outcome. */
    record Row(
            String backend,
            String status,
            String device,
            String reason,
            Double forwardMs,
            Double trainStepMs,
            Double firstLoss,
            Tensor output) {
        boolean ok() {
            return "ok".equals(status);
        }
    }

    @Override
    public Integer call() throws Exception {
        validate();
        SrgrnConfig cfg = ConfigOptions.preset(config, scale);
        List<Backend> found = Backends.discover();
        List<String> names =
                backends != null
                        ? backends.stream()
                                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                                .filter(s -> !s.isEmpty())
                                .distinct()
                                .toList()
                        : found.stream().map(Backend::name).toList();
        if (names.isEmpty()) {
            throw new UsageException(
                    "no backend to compare: none found on the class path and none named with --backends");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path work = Files.createTempDirectory("srgrn-compare");
        List<Row> rows = new ArrayList<>();
        try {
            CompareInputs inputs = CompareInputs.write(work, cfg, seed, size, batch);
            for (String name : names) {
                rows.add(runOne(name, found, inputs, work, err));
            }
        } finally {
            deleteTree(work);
        }
        print(cfg, rows);
        if (json != null) {
            AtomicFiles.write(
                    json, Json.writePretty(toJson(cfg, rows)).getBytes(StandardCharsets.UTF_8));
        }
        return rows.stream().anyMatch(Row::ok) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void validate() {
        if (size < 1 || batch < 1 || repeats < 1 || warmup < 0 || timeoutSeconds < 1) {
            throw new UsageException(
                    "--size, --batch, --repeats and --timeout must be >= 1 and --warmup >= 0");
        }
        if (!device.isEmpty()) {
            io.srgrn.api.spi.Device.parse(device);
        }
    }

    private Row runOne(
            String name, List<Backend> found, CompareInputs inputs, Path work, PrintWriter err)
            throws IOException, InterruptedException {
        Backend backend =
                found.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
        if (backend == null) {
            return new Row(
                    name,
                    "unavailable",
                    "-",
                    "not on the class path (found: "
                            + String.join(", ", found.stream().map(Backend::name).toList())
                            + ")",
                    null,
                    null,
                    null,
                    null);
        }
        if (!backend.availability().available()) {
            return new Row(
                    name,
                    "unavailable",
                    "-",
                    backend.availability().reason(),
                    null,
                    null,
                    null,
                    null);
        }
        Path dir = Files.createDirectories(work.resolve(name));
        err.println("compare: running backend '" + name + "' in its own JVM ...");
        err.flush();
        long t0 = System.nanoTime();
        WorkerLauncher.Outcome outcome =
                WorkerLauncher.run(
                        CompareWorker.class,
                        List.of(
                                name,
                                device,
                                Integer.toString(threads),
                                inputs.weights().toString(),
                                inputs.tensors().toString(),
                                dir.toString(),
                                Integer.toString(warmup),
                                Integer.toString(repeats)),
                        dir.resolve("worker.log"),
                        timeoutSeconds);
        err.println(
                "compare: backend '"
                        + name
                        + "' finished in "
                        + ProgressBar.duration((System.nanoTime() - t0) / 1e9));
        err.flush();
        if (outcome.timedOut()) {
            return new Row(
                    name,
                    "failed",
                    "-",
                    "no result within " + timeoutSeconds + " s (--timeout)",
                    null,
                    null,
                    null,
                    null);
        }
        Path resultFile = dir.resolve(CompareWorker.RESULT);
        if (!Files.exists(resultFile)) {
            return new Row(
                    name,
                    "failed",
                    "-",
                    "worker JVM exited with status "
                            + outcome.exitCode()
                            + ": "
                            + WorkerLauncher.tail(outcome.log(), 3),
                    null,
                    null,
                    null,
                    null);
        }
        Map<String, Object> r = Json.parseObject(Files.readString(resultFile));
        String status = String.valueOf(r.get("status"));
        if (!"ok".equals(status)) {
            return new Row(
                    name,
                    status,
                    String.valueOf(r.getOrDefault("device", "-")),
                    String.valueOf(r.get("reason")),
                    null,
                    null,
                    null,
                    null);
        }
        Tensor output = Safetensors.read(dir.resolve(CompareWorker.OUTPUT)).tensor("output");
        return new Row(
                name,
                status,
                String.valueOf(r.get("device")),
                "",
                median(r.get("forwardMs")),
                median(r.get("trainStepMs")),
                ((Number) r.get("firstLoss")).doubleValue(),
                output);
    }

    private static Double median(Object list) {
        List<Double> values = new ArrayList<>();
        for (Object o : (List<?>) list) {
            values.add(((Number) o).doubleValue());
        }
        values.sort(Comparator.naturalOrder());
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Largest |a - b| over the elements of two outputs of the same shape. */
    static double maxAbsDifference(Tensor a, Tensor b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            return Double.NaN;
        }
        float[] x = a.data();
        float[] y = b.data();
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            double d = Math.abs((double) x[i] - y[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    private void print(SrgrnConfig cfg, List<Row> rows) {
        PrintWriter out = spec.commandLine().getOut();
        SrgrnSpec s = new SrgrnSpec(cfg);
        out.printf(
                Locale.ROOT,
                "## Backends compared: %s x%d (%s parameters), forward on 1x%dx%dx%d, training step on a batch of %d%n%n",
                config,
                scale,
                Numbers.grouped(s.parameterCount()),
                cfg.inChannels(),
                size,
                size,
                batch);
        out.printf(
                Locale.ROOT,
                "Median of %d timed runs after %d warm-up runs, %s; same seeded weights and input for every backend.%n%n",
                repeats,
                warmup,
                threads == 0
                        ? "each backend's default thread count"
                        : threads + " intra-op thread(s)");
        Row ref = rows.stream().filter(Row::ok).findFirst().orElse(null);
        MarkdownTable t =
                new MarkdownTable(
                                "backend",
                                "device",
                                "forward ms (median)",
                                "train step ms (median)",
                                "first-step L1 loss",
                                "max abs. difference to "
                                        + (ref == null ? "the reference" : ref.backend()))
                        .alignRight(2, 3, 4, 5);
        for (Row r : rows) {
            if (r.ok()) {
                t.row(
                        r.backend(),
                        r.device(),
                        Numbers.fixed(r.forwardMs(), 1),
                        Numbers.fixed(r.trainStepMs(), 1),
                        String.format(Locale.ROOT, "%.7f", r.firstLoss()),
                        r == ref
                                ? "(reference)"
                                : String.format(
                                        Locale.ROOT,
                                        "%.3e",
                                        maxAbsDifference(ref.output(), r.output())));
            }
        }
        out.print(t.render());
        List<Row> ok = rows.stream().filter(Row::ok).toList();
        if (ok.size() > 2) {
            out.println();
            out.println("Largest output difference between each pair of backends:");
            out.println();
            List<String> headers = new ArrayList<>();
            headers.add("");
            ok.forEach(r -> headers.add(r.backend()));
            MarkdownTable pairs = new MarkdownTable(headers);
            for (Row a : ok) {
                List<String> cells = new ArrayList<>();
                cells.add(a.backend());
                ok.forEach(
                        b ->
                                cells.add(
                                        a == b
                                                ? "-"
                                                : String.format(
                                                        Locale.ROOT,
                                                        "%.3e",
                                                        maxAbsDifference(a.output(), b.output()))));
                pairs.row(cells);
            }
            out.print(pairs.render());
        }
        List<Row> missing = rows.stream().filter(r -> !r.ok()).toList();
        if (!missing.isEmpty()) {
            out.println();
            out.println("Not compared:");
            out.println();
            MarkdownTable m = new MarkdownTable("backend", "status", "reason");
            missing.forEach(r -> m.row(r.backend(), r.status(), r.reason()));
            out.print(m.render());
        }
        out.flush();
    }

    private Map<String, Object> toJson(SrgrnConfig cfg, List<Row> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("config", config);
        root.put("scale", scale);
        root.put("parameters", new SrgrnSpec(cfg).parameterCount());
        root.put("inputSize", size);
        root.put("batch", batch);
        root.put("repeats", repeats);
        Row ref = rows.stream().filter(Row::ok).findFirst().orElse(null);
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", r.backend());
            m.put("status", r.status());
            m.put("device", r.device());
            if (r.ok()) {
                m.put("forwardMsMedian", r.forwardMs());
                m.put("trainStepMsMedian", r.trainStepMs());
                m.put("firstLoss", r.firstLoss());
                m.put("reference", ref.backend());
                m.put("maxAbsDifference", maxAbsDifference(ref.output(), r.output()));
            } else {
                m.put("reason", r.reason());
            }
            list.add(m);
        }
        root.put("backends", list);
        return root;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException ignored) {
                                    // a leftover temp file is harmless
                                }
                            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}
