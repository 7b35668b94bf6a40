package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.train.Checkpoint;
import io.srgrn.api.train.StepSchedule;
import io.srgrn.api.train.Trainer;
import io.srgrn.api.train.TrainingListener;
import io.srgrn.api.train.TrainingSettings;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.bench.plot.Chart;
import io.srgrn.bench.plot.Png;
import io.srgrn.bench.plot.Series;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
import io.srgrn.data.dataset.BenchmarkSet;
import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.LrCache;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.sample.PatchSampler;
import io.srgrn.metrics.SetScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code srgrn train}: trains SRGRN with resumable atomic checkpoints. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains SRGRN (L1 loss, Adam, step schedule; SPEC.md section 5) on random patches of the HR "
                + "images in --data, degraded on the fly (BI, BD or DN).",
                "RUN_DIR receives run.json (the settings), checkpoint.safetensors (weights, Adam state, iteration; "
                + "written atomically every --checkpoint-every iterations, so a kill loses at most one interval), "
                + "loss.csv, validation.csv, and at the end model.safetensors, loss.png and validation.png.",
                "--resume continues a run bit-identically to an uninterrupted one (on a deterministic backend such "
                + "as CPU); options not given are taken from run.json.",
                "All training images are held in memory: for DIV2K give the JVM enough heap (SRGRN_JAVA_OPTS=-Xmx12g)."})
final class TrainCommand implements Callable<Integer> {
    static final String RUN_FILE = "run.json";
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String LOSS_LOG = "loss.csv";
    static final String VALIDATION_LOG = "validation.csv";
    static final String MODEL = "model.safetensors";

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    BackendOptionsMixin where;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of HR training images (or a set folder with HR/), e.g. DIV2K_train_HR.")
    Path data;

    @Option(names = "--scale", paramLabel = "S", description = "2, 3 or 4.")
    Integer scale;

    @Option(names = {"-o", "--out"}, paramLabel = "RUN_DIR", required = true, description = "Run folder (created).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in RUN_DIR from its last checkpoint.")
    boolean resume;

    @Option(names = "--preset", paramLabel = "NAME", completionCandidates = ConfigOptions.Names.class,
            description = "Model: ${COMPLETION-CANDIDATES} (default: paper).")
    String preset;

    @Option(names = "--iterations", paramLabel = "N", description = "Total iterations (default: 1000000, i.e. 1000 epochs of 1000).")
    Long iterations;

    @Option(names = "--degradation", paramLabel = "BI|BD|DN", description = "How LR patches are made (default: BI; BD and DN are x3).")
    String degradation;

    @Option(names = "--noise-seed", paramLabel = "N", description = "Seed of DN's noise (default: 0).")
    Long noiseSeed;

    @Option(names = "--patch", paramLabel = "PIXELS", description = "LR patch side (default: 48).")
    Integer patch;

    @Option(names = "--batch", paramLabel = "N", description = "Patches per batch (default: 16).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Initial learning rate (default: 1e-4).")
    Double learningRate;

    @Option(names = "--halve-every", paramLabel = "N", description = "Halve the learning rate every N iterations (default: 200000).")
    Long halveEvery;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights and the patch sampling (default: 0).")
    Long seed;

    @Option(names = "--no-augment", description = "Turn off random flips and rotations.")
    Boolean noAugment;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Checkpoint interval in iterations (default: 1000; a resumed run keeps its own).")
    Long checkpointEveryOption;

    @Option(names = "--val-every", paramLabel = "N",
            description = "Validation interval in iterations; 0 turns validation off (default: 1000; a resumed run keeps its own).")
    Long valEveryOption;

    @Option(names = "--val-data", paramLabel = "DIR",
            description = "Validation images (a set folder or folder of HR images); default: Set5 under srgrn.data / SRGRN_DATA.")
    Path valDataOption;

    private long checkpointEvery;
    private long valEvery;
    private Path valData;

    @Option(names = "--lr-cache", paramLabel = "DIR", description = "Cache the degraded LR images here (speeds up restarts on large sets).")
    Path lrCache;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Threads preparing batches ahead (default: ${DEFAULT-VALUE}).")
    int workers;

    /** Tests only: one more listener, called after the command's own (e.g. to simulate a crash). */
    TrainingListener extraListener;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path runFile = out.resolve(RUN_FILE);
        Path checkpointFile = out.resolve(CHECKPOINT);
        RunSettings stored = null;
        if (resume) {
            if (!Files.isRegularFile(runFile)) {
                throw new UsageException("nothing to resume in " + out + ": it has no " + RUN_FILE);
            }
            stored = RunSettings.parse(Files.readString(runFile), runFile.toString());
        } else if (Files.exists(runFile) || Files.exists(checkpointFile)) {
            throw new UsageException(out + " already holds a training run: pass --resume to continue it, or choose another --out");
        }
        RunSettings settings = resolve(stored);
        checkpointEvery = settings.checkpointEvery();
        valEvery = settings.valEvery();
        valData = settings.valData() == null ? null : Path.of(settings.valData());
        SrgrnConfig config = ConfigOptions.preset(settings.preset(), settings.scale());
        Degradation deg = degradation(settings);
        if (checkpointEvery < 1 || valEvery < 0 || workers < 1) {
            throw new UsageException("--checkpoint-every and --workers must be >= 1 and --val-every >= 0");
        }
        Path dataDir = Path.of(settings.data());
        if (!Files.isDirectory(dataDir)) {
            throw new UsageException("training data folder " + dataDir + " does not exist");
        }
        BenchmarkSet trainSet = openFolder(dataDir);
        err.println("train: degrading " + trainSet.size() + " training image(s) from " + dataDir + " (" + deg.key() + ") ...");
        err.flush();
        List<HrLrPair> pairs = new PairLoader(deg, lrCache == null ? null : new LrCache(lrCache), false, false).loadAll(trainSet);
        PatchSampler sampler = new PatchSampler(pairs, new PatchSampler.Config(settings.patch(), settings.batch(),
                settings.augment(), settings.seed()));
        Validator validator = validator(deg, err);

        long t0 = System.nanoTime();
        try (Srgrn model = where.build(Srgrn.builder().config(config).seed(settings.seed()))) {
            // Only now, with the data, the validation set and the backend known to work, does the folder
            // become a run: a command that failed on its settings leaves nothing that blocks a corrected retry.
            Files.createDirectories(out);
            AtomicFiles.write(runFile, settings.json().getBytes(StandardCharsets.UTF_8));
            TrainingSettings ts = new TrainingSettings(settings.iterations(),
                    new StepSchedule(settings.learningRate(), settings.halveEvery()), AdamSettings.paper(), checkpointEvery,
                    checkpointFile);
            Trainer trainer = model.trainer(ts);
            long start = 0;
            if (resume && Files.exists(checkpointFile)) {
                Checkpoint cp = Checkpoint.read(checkpointFile);
                trainer.resume(cp);
                start = cp.iteration();
                err.println("train: resuming at iteration " + start + " of " + settings.iterations());
            } else if (resume) {
                err.println("train: " + out + " has no checkpoint yet: starting at iteration 0");
            }
            Path lossFile = out.resolve(LOSS_LOG);
            Path valFile = out.resolve(VALIDATION_LOG);
            MetricLog.truncate(lossFile, start);
            MetricLog.truncate(valFile, start);
            err.println("train: SRGRN " + settings.preset() + " x" + settings.scale() + " ("
                    + Numbers.grouped(new SrgrnSpec(config).parameterCount()) + " parameters) on " + model.backend().name()
                    + " " + model.device() + ", batch " + settings.batch() + " of " + settings.patch() + "x" + settings.patch()
                    + " LR patches, iterations " + start + " -> " + settings.iterations());
            err.flush();
            if (start < settings.iterations()) {
                runTraining(trainer, model, sampler, validator, start, settings, lossFile, valFile, err);
            }
            Map<String, String> provenance = new LinkedHashMap<>();
            provenance.put("trainedIterations", Long.toString(trainer.iteration()));
            provenance.put("trainingData", settings.data());
            provenance.put("degradation", deg.key());
            provenance.put("preset", settings.preset());
            provenance.put("seed", Long.toString(settings.seed()));
            model.save(out.resolve(MODEL), provenance);
            List<String> plots = writePlots(lossFile, valFile, settings, validator);
            summary(stdout, settings, trainer.iteration(), lossFile, valFile, validator, (System.nanoTime() - t0) / 1e9, plots);
        }
        return ExitCodes.OK;
    }

    private void runTraining(Trainer trainer, Srgrn model, PatchSampler sampler, Validator validator, long start,
            RunSettings settings, Path lossFile, Path valFile, PrintWriter err) {
        long total = settings.iterations();
        try (MetricLog lossLog = MetricLog.open(lossFile, "iteration,loss,learning_rate");
                MetricLog valLog = MetricLog.open(valFile, "iteration,psnr,ssim");
                ProgressBar bar = ProgressBar.onStderr(err, "train", total);
                PrefetchSource source = new PrefetchSource(sampler, start, total, workers)) {
            trainer.addListener(new TrainingListener() {
                private String lastValidation = "";

                @Override
                public void onStep(StepEvent e) {
                    lossLog.append(e.iteration() + "," + e.loss() + "," + e.learningRate());
                    if (validator != null && valEvery > 0 && e.iteration() % valEvery == 0) {
                        SetScore s = validator.score(model);
                        valLog.append(e.iteration() + "," + s.meanPsnr() + "," + s.meanSsim());
                        lastValidation = String.format(Locale.ROOT, "  %s %.2f dB", validator.name(), s.meanPsnr());
                        bar.message(String.format(Locale.ROOT, "train: iteration %d: %s PSNR %.4f dB, SSIM %.5f",
                                e.iteration(), validator.name(), s.meanPsnr(), s.meanSsim()));
                    }
                    if (e.iteration() % checkpointEvery == 0 || e.iteration() == e.totalIterations()) {
                        // Logs reach the disk before the trainer writes the checkpoint that vouches for them.
                        lossLog.sync();
                        valLog.sync();
                    }
                    bar.update(e.iteration(), String.format(Locale.ROOT, "loss %.5f  lr %.2e  %.2f it/s%s", e.loss(),
                            e.learningRate(), e.stepsPerSecond(), lastValidation), e.etaSeconds());
                }
            });
            if (extraListener != null) {
                trainer.addListener(extraListener);
            }
            long[] lastCheckpoint = {start};
            trainer.addListener(new TrainingListener() {
                @Override
                public void onCheckpoint(long iteration, Path file) {
                    lastCheckpoint[0] = iteration;
                }
            });
            // On Ctrl-C the checkpoint on disk is intact (atomic writes); say where to pick up.
            Thread onInterrupt = new Thread(() -> {
                err.println();
                err.println("train: interrupted; the last checkpoint (iteration " + lastCheckpoint[0] + ") is in " + out
                        + "; continue with: srgrn train --resume -o " + out);
                err.flush();
            }, "srgrn-train-interrupt");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                bar.update(start, "starting", Double.POSITIVE_INFINITY);
                trainer.fit(source);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting: the hook runs and tells the user how to resume
                }
            }
        }
    }

    private RunSettings resolve(RunSettings stored) {
        List<String> conflicts = new ArrayList<>();
        String p = pick("--preset", preset, stored == null ? null : stored.preset(), "paper", conflicts);
        Integer s = pick("--scale", scale, stored == null ? null : stored.scale(), null, conflicts);
        String d = pick("--degradation", degradation == null ? null : degradation.trim().toUpperCase(Locale.ROOT),
                stored == null ? null : stored.degradation(), "BI", conflicts);
        Long ns = pick("--noise-seed", noiseSeed, stored == null ? null : stored.noiseSeed(), 0L, conflicts);
        String dataDir = pick("--data", data == null ? null : data.toAbsolutePath().normalize().toString(),
                stored == null ? null : stored.data(), null, conflicts);
        Integer pa = pick("--patch", patch, stored == null ? null : stored.patch(), 48, conflicts);
        Integer b = pick("--batch", batch, stored == null ? null : stored.batch(), 16, conflicts);
        Double lr = pick("--lr", learningRate, stored == null ? null : stored.learningRate(), 1e-4, conflicts);
        Long h = pick("--halve-every", halveEvery, stored == null ? null : stored.halveEvery(), 200_000L, conflicts);
        Long sd = pick("--seed", seed, stored == null ? null : stored.seed(), 0L, conflicts);
        Boolean aug = pick("--no-augment", noAugment == null ? null : !noAugment, stored == null ? null : stored.augment(),
                true, conflicts);
        if (!conflicts.isEmpty()) {
            throw new UsageException("--resume must train the same run; these options differ from " + out.resolve(RUN_FILE)
                    + ": " + String.join("; ", conflicts));
        }
        if (s == null || dataDir == null) {
            throw new UsageException("--data and --scale are required (unless resuming)");
        }
        if (s != 2 && s != 3 && s != 4) {
            throw new UsageException("invalid --scale " + s + "; allowed: 2, 3, 4");
        }
        if (!ConfigOptions.PRESETS.contains(p)) {
            throw new UsageException("unknown --preset '" + p + "'; allowed: " + String.join(", ", ConfigOptions.PRESETS));
        }
        if (pa < 1 || b < 1 || !(lr > 0) || h < 1) {
            throw new UsageException("--patch, --batch and --halve-every must be >= 1 and --lr > 0");
        }
        long total = iterations != null ? iterations : stored != null ? stored.iterations() : 1_000_000L;
        if (total < 1) {
            throw new UsageException("--iterations must be >= 1, got " + total);
        }
        long ce = checkpointEveryOption != null ? checkpointEveryOption : stored != null ? stored.checkpointEvery() : 1000;
        long ve = valEveryOption != null ? valEveryOption : stored != null ? stored.valEvery() : 1000;
        String vd = valDataOption != null ? valDataOption.toAbsolutePath().normalize().toString()
                : stored != null ? stored.valData() : null;
        return new RunSettings(p, s, d, ns, dataDir, pa, b, lr, h, sd, aug, total, ce, ve, vd);
    }

    private static <T> T pick(String option, T given, T stored, T fallback, List<String> conflicts) {
        if (given != null && stored != null && !Objects.equals(given, stored)) {
            conflicts.add(option + " " + given + " (the run has " + stored + ")");
        }
        return given != null ? given : stored != null ? stored : fallback;
    }

    private static Degradation degradation(RunSettings s) {
        return switch (s.degradation()) {
            case "BI" -> Degradation.bi(s.scale());
            case "BD", "DN" -> {
                if (s.scale() != 3) {
                    throw new UsageException("--degradation " + s.degradation() + " is defined for x3 only, not x" + s.scale());
                }
                yield s.degradation().equals("BD") ? Degradation.bd() : Degradation.dn(s.noiseSeed());
            }
            default -> throw new UsageException("unknown --degradation '" + s.degradation() + "'; allowed: BI, BD, DN");
        };
    }

    private static BenchmarkSet openFolder(Path dir) throws IOException {
        Path hr = dir.resolve("HR");
        Path folder = Files.isDirectory(hr) ? hr : dir;
        try {
            return BenchmarkSet.openFolder(dir.getFileName() == null ? "train" : dir.getFileName().toString(), folder);
        } catch (IOException e) {
            throw new UsageException(Errors.describe(e));
        }
    }

    private Validator validator(Degradation deg, PrintWriter err) throws IOException {
        if (valEvery == 0) {
            return null;
        }
        Path dir = valData;
        if (dir == null) {
            Path root = DataRoot.find().orElse(null);
            if (root == null || !Files.isDirectory(root.resolve("Set5"))) {
                err.println("train: validation skipped: no Set5 found (set SRGRN_DATA or -Dsrgrn.data to the dataset "
                        + "folder, or pass --val-data DIR)");
                return null;
            }
            dir = root.resolve("Set5");
        } else if (!Files.isDirectory(dir)) {
            throw new UsageException("--val-data " + dir + " does not exist");
        }
        Validator v = Validator.load(openFolder(dir), deg);
        err.println("train: validating on " + v.name() + " (" + v.size() + " images) every " + valEvery + " iterations");
        return v;
    }

    private List<String> writePlots(Path lossFile, Path valFile, RunSettings settings, Validator validator) {
        List<String> written = new ArrayList<>();
        List<double[]> loss = MetricLog.read(lossFile, 1);
        if (!loss.isEmpty()) {
            Chart chart = new Chart("Training loss: SRGRN " + settings.preset() + " x" + settings.scale(), "iteration",
                    "L1 loss").logY(true);
            int window = Math.max(1, loss.size() / 100);
            chart.add(Series.line("loss per iteration", points(loss, 1),
                    window > 1 ? new java.awt.Color(0xaec7e8) : Chart.PALETTE.get(0)));
            if (window > 1) {
                chart.add(Series.line("moving mean of " + window, points(loss, window), Chart.PALETTE.get(0)));
            }
            Png.write(chart.render(), out.resolve("loss.png"));
            written.add("loss.png");
        }
        List<double[]> val = MetricLog.read(valFile, 1);
        if (!val.isEmpty()) {
            Chart chart = new Chart("Validation PSNR on " + (validator == null ? "the validation set" : validator.name())
                    + ": SRGRN " + settings.preset() + " x" + settings.scale(), "iteration", "PSNR (dB), protocol rdn");
            chart.add(Series.line("validation PSNR", points(val, 1), Chart.PALETTE.get(1)).withMarkers());
            Png.write(chart.render(), out.resolve("validation.png"));
            written.add("validation.png");
        }
        return written;
    }

    /** (iteration, mean of the last {@code window} values) points, thinned to about 2000. */
    private static List<Series.Point> points(List<double[]> values, int window) {
        List<Series.Point> pts = new ArrayList<>();
        int step = Math.max(1, values.size() / 2000);
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i)[1];
            if (i >= window) {
                sum -= values.get(i - window)[1];
            }
            if (i >= window - 1 && (i % step == 0 || i == values.size() - 1)) {
                pts.add(new Series.Point(values.get(i)[0], sum / Math.min(window, i + 1)));
            }
        }
        return pts;
    }

    private void summary(PrintWriter stdout, RunSettings settings, long done, Path lossFile, Path valFile, Validator validator,
            double seconds, List<String> plots) {
        List<double[]> loss = MetricLog.read(lossFile, 1);
        int tail = Math.min(100, loss.size());
        double meanLoss = loss.subList(loss.size() - tail, loss.size()).stream().mapToDouble(v -> v[1]).average().orElse(Double.NaN);
        List<double[]> psnr = MetricLog.read(valFile, 1);
        List<double[]> ssim = MetricLog.read(valFile, 2);
        MarkdownTable t = new MarkdownTable("run", "model", "iterations", "loss (mean of last " + tail + ")",
                "validation PSNR/SSIM" + (validator == null ? "" : " (" + validator.name() + ")"), "time")
                .alignRight(2, 3, 4, 5);
        t.row(out.toString(), settings.preset() + " x" + settings.scale(), done + " / " + settings.iterations(),
                Numbers.fixed(meanLoss, 5),
                psnr.isEmpty() ? "-" : Numbers.psnrSsim(psnr.get(psnr.size() - 1)[1], ssim.get(ssim.size() - 1)[1]),
                ProgressBar.duration(seconds));
        stdout.print(t.render());
        stdout.println();
        List<String> files = new ArrayList<>(List.of(MODEL, CHECKPOINT, RUN_FILE, LOSS_LOG, VALIDATION_LOG));
        files.addAll(plots);
        stdout.println("Files in " + out + ": " + String.join(", ", files));
        stdout.flush();
    }
}
