package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.train.Checkpoint;
import io.srgrn.api.train.StepSchedule;
import io.srgrn.api.train.Trainer;
import io.srgrn.api.train.TrainingListener;
import io.srgrn.api.train.TrainingSettings;
import io.srgrn.api.weights.AtomicFiles;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.bench.report.Csv;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
import io.srgrn.data.dataset.BenchmarkSet;
import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.ImageEntry;
import io.srgrn.data.dataset.LrCache;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.dataset.SrDataset;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.AtomicWrite;
import io.srgrn.data.sample.PatchSampler;
import io.srgrn.metrics.SetScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
                + "loss.csv (with cumulative training seconds), validation.csv, gammas.csv (the GRUM/GRRB gammas at each "
                + "validation), best.safetensors (the weights of the best validation PSNR so far), sessions.csv (one line "
                + "per invocation: when, where, which commit), and at the end model.safetensors, loss.png and validation.png.",
                "Use --holdout to validate on training images that are set aside: a reported benchmark set (Set5, "
                + "Set14, B100) must not pick the checkpoint.",
                "--resume continues a run bit-identically to an uninterrupted one (on a deterministic backend such "
                + "as CPU); options not given are taken from run.json.",
                "All training images are held in memory: for DIV2K give the JVM enough heap (SRGRN_JAVA_OPTS=-Xmx12g)."})
final class TrainCommand implements Callable<Integer> {
    static final String RUN_FILE = "run.json";
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String LOSS_LOG = "loss.csv";
    static final String VALIDATION_LOG = "validation.csv";
    static final String MODEL = "model.safetensors";
    static final String BEST = "best.safetensors";
    static final String INIT = "init.safetensors";
    static final String GAMMA_LOG = "gammas.csv";
    static final String SESSIONS = "sessions.csv";

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Mixin
    BackendOptionsMixin where;

    @Option(names = "--data", paramLabel = "DIR[,DIR...]", split = ",",
            description = "Folders of HR training images (or set folders with HR/), taken in this order, e.g. "
                    + "../shared/data/T91,../shared/data/BSD200.")
    List<Path> data;

    @Option(names = "--holdout", paramLabel = "N",
            description = "Set N of the training images aside (spread evenly over them) as the validation set that "
                    + "picks best.safetensors; 0 validates on --val-data or Set5 instead (default: 0).")
    Integer holdout;

    @Option(names = "--init-from", paramLabel = "FILE",
            description = "Start from these weights: every parameter of the same name and shape is copied (e.g. an x2 "
                    + "model's trunk for x3 or x4), the rest keep the seeded initialisation. RUN_DIR keeps a copy.")
    Path initFrom;

    @Option(names = "--scale", paramLabel = "S", description = "2, 3 or 4.")
    Integer scale;

    @Option(names = {"-o", "--out"}, paramLabel = "RUN_DIR", required = true, description = "Run folder (created).")
    Path out;

    @Option(names = "--resume", description = "Continue the run in RUN_DIR from its last checkpoint.")
    boolean resume;

    @Option(names = "--plot", description = "Only draw the plots of the run in RUN_DIR (finished or not, e.g. while it "
            + "trains): loss.png, validation.png and gammas.png.")
    boolean plotOnly;

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
        if (plotOnly) {
            if (!Files.isRegularFile(runFile)) {
                throw new UsageException(out + " holds no training run (no " + RUN_FILE + ")");
            }
            RunSettings run = RunSettings.parse(Files.readString(runFile), runFile.toString());
            stdout.println("Plots written to " + out + ": " + String.join(", ", RunPlots.write(out, run,
                    run.holdout() > 0 ? "hold-out" : null)));
            return ExitCodes.OK;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("run folder " + out + " exists and is not a folder");
        }
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
        if (resume) {
            refuseRestartOfTrainedRun(checkpointFile, settings);
        }
        checkpointEvery = settings.checkpointEvery();
        valEvery = settings.valEvery();
        valData = settings.valData() == null ? null : Path.of(settings.valData());
        SrgrnConfig config = ConfigOptions.preset(settings.preset(), settings.scale());
        Degradation deg = degradation(settings);
        if (checkpointEvery < 1 || valEvery < 0 || workers < 1) {
            throw new UsageException("--checkpoint-every and --workers must be >= 1 and --val-every >= 0");
        }
        List<ImageEntry> images = new ArrayList<>();
        List<String> folderNames = new ArrayList<>();
        for (Path dir : settings.dataFolders()) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("training data folder " + dir + (Files.exists(dir) ? " is not a folder"
                        : " does not exist"));
            }
            BenchmarkSet set = openFolder(dir);
            images.addAll(set.entries());
            folderNames.add(set.name() + " (" + set.size() + " images)");
        }
        Holdout split = Holdout.split(images, settings.holdout());
        String trainingData = String.join(" + ", folderNames)
                + (split.validation().isEmpty() ? "" : ", " + split.validation().size() + " held out for validation");
        err.println("train: degrading " + split.train().size() + " training image(s) from " + trainingData + " (" + deg.key()
                + ") ...");
        err.flush();
        List<HrLrPair> pairs = usable(new PairLoader(deg, lrCache == null ? null : new LrCache(lrCache), false, false)
                .loadAll(new Images("train", split.train())), settings, err);
        PatchSampler sampler = new PatchSampler(pairs, new PatchSampler.Config(settings.patch(), settings.batch(),
                settings.augment(), settings.seed()));
        Validator validator = split.validation().isEmpty() ? validator(deg, err)
                : holdoutValidator(split.validation(), deg, err);
        SrgrnWeights init = settings.initFrom() == null ? null
                : WeightsFile.load(resume ? out.resolve(INIT) : Path.of(settings.initFrom()));
        where.threads = settings.threads();

        long t0 = System.nanoTime();
        try (Srgrn model = where.build(Srgrn.builder().config(config).seed(settings.seed()))) {
            // Only now, with the data, the validation set and the backend known to work, does the folder
            // become a run: a command that failed on its settings leaves nothing that blocks a corrected retry.
            Files.createDirectories(out);
            // What a run killed mid-write left (a checkpoint's temporary copy can be tens of MB) goes now, not
            // only when the same file is next written.
            for (String name : List.of(CHECKPOINT, MODEL, BEST, RUN_FILE, INIT)) {
                AtomicWrite.removeStaleTemporaries(out.resolve(name));
            }
            if (!resume && init != null) {
                AtomicFiles.write(out.resolve(INIT), Files.readAllBytes(Path.of(settings.initFrom())));
            }
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
            if (start == 0 && init != null) {
                err.println("train: " + initialise(model, init, settings.initFrom()));
            }
            Path lossFile = out.resolve(LOSS_LOG);
            Path valFile = out.resolve(VALIDATION_LOG);
            MetricLog.truncate(lossFile, start);
            MetricLog.truncate(valFile, start);
            MetricLog.truncate(out.resolve(GAMMA_LOG), start);
            logSession(settings, start, model);
            err.println("train: SRGRN " + settings.preset() + " x" + settings.scale() + " ("
                    + Numbers.grouped(new SrgrnSpec(config).parameterCount()) + " parameters) on " + model.backend().name()
                    + " " + model.device() + ", batch " + settings.batch() + " of " + settings.patch() + "x" + settings.patch()
                    + " LR patches, iterations " + start + " -> " + settings.iterations());
            err.flush();
            RunRecord record = new RunRecord(settings, deg.key(), trainingData, validator);
            if (start < settings.iterations()) {
                runTraining(trainer, model, sampler, validator, start, record, lossFile, valFile, err);
            }
            List<double[]> lastLoss = MetricLog.read(lossFile, 3);
            double seconds = lastLoss.isEmpty() ? 0 : lastLoss.get(lastLoss.size() - 1)[1];
            List<double[]> psnr = MetricLog.read(valFile, 1);
            List<double[]> ssim = MetricLog.read(valFile, 2);
            model.save(out.resolve(MODEL), record.provenance(trainer.iteration(), seconds,
                    psnr.isEmpty() ? Double.NaN : psnr.get(psnr.size() - 1)[1],
                    ssim.isEmpty() ? Double.NaN : ssim.get(ssim.size() - 1)[1]));
            List<String> plots = RunPlots.write(out, settings, validator == null ? null : validator.name());
            summary(stdout, settings, trainer.iteration(), lossFile, valFile, validator, (System.nanoTime() - t0) / 1e9, plots);
        }
        return ExitCodes.OK;
    }

    private void runTraining(Trainer trainer, Srgrn model, PatchSampler sampler, Validator validator, long start,
            RunRecord record, Path lossFile, Path valFile, PrintWriter err) {
        long total = record.settings().iterations();
        List<String> gammaNames = new SrgrnSpec(model.config()).parameters().stream().map(p -> p.name())
                .filter(n -> n.endsWith("." + io.srgrn.api.spec.GrumSpec.GAMMA)).toList();
        // Wall time accumulates over the sessions of a run; the last logged line carries the total so far.
        List<double[]> logged = MetricLog.read(lossFile, 3);
        double secondsBefore = logged.isEmpty() ? 0 : logged.get(logged.size() - 1)[1];
        long sessionStart = System.nanoTime();
        double[] best = {MetricLog.read(valFile, 1).stream().mapToDouble(v -> v[1]).max().orElse(Double.NEGATIVE_INFINITY)};
        try (MetricLog lossLog = MetricLog.open(lossFile, "iteration,loss,learning_rate,seconds");
                MetricLog valLog = MetricLog.open(valFile, "iteration,psnr,ssim");
                MetricLog gammaLog = MetricLog.open(out.resolve(GAMMA_LOG), "iteration," + String.join(",", gammaNames));
                ProgressBar bar = ProgressBar.onStderr(err, "train", total);
                PrefetchSource source = new PrefetchSource(sampler, start, total, workers)) {
            trainer.addListener(new TrainingListener() {
                private String lastValidation = "";

                @Override
                public void onStep(StepEvent e) {
                    double seconds = secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
                    lossLog.append(e.iteration() + "," + e.loss() + "," + e.learningRate() + ","
                            + String.format(Locale.ROOT, "%.1f", seconds));
                    if (validator != null && valEvery > 0 && e.iteration() % valEvery == 0) {
                        SetScore s = validator.score(model);
                        valLog.append(e.iteration() + "," + s.meanPsnr() + "," + s.meanSsim());
                        Map<String, Tensor> params = model.module().parameters();
                        gammaLog.append(e.iteration() + "," + String.join(",",
                                gammaNames.stream().map(n -> Float.toString(params.get(n).data()[0])).toList()));
                        if (s.meanPsnr() > best[0]) {
                            best[0] = s.meanPsnr();
                            model.save(out.resolve(BEST), record.provenance(e.iteration(), seconds, s.meanPsnr(), s.meanSsim()));
                        }
                        lastValidation = String.format(Locale.ROOT, "  %s %.2f dB", validator.name(), s.meanPsnr());
                        bar.message(String.format(Locale.ROOT, "train: iteration %d: %s PSNR %.4f dB, SSIM %.5f",
                                e.iteration(), validator.name(), s.meanPsnr(), s.meanSsim()));
                    }
                    if (e.iteration() % checkpointEvery == 0 || e.iteration() == e.totalIterations()) {
                        // Logs reach the disk before the trainer writes the checkpoint that vouches for them.
                        lossLog.sync();
                        valLog.sync();
                        gammaLog.sync();
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

    /**
     * A finished run whose checkpoint was deleted would restart from iteration 0 and overwrite its model
     * and logs: refused. A run killed before its first checkpoint restarts from 0, as it should.
     */
    private void refuseRestartOfTrainedRun(Path checkpointFile, RunSettings settings) {
        if (Files.exists(checkpointFile)) {
            return;
        }
        List<double[]> logged = MetricLog.read(out.resolve(LOSS_LOG), 1);
        long lastLogged = logged.isEmpty() ? 0 : (long) logged.get(logged.size() - 1)[0];
        boolean finished = Files.exists(out.resolve(MODEL));
        if (finished || lastLogged >= settings.checkpointEvery()) {
            throw new UsageException(out + " has trained (" + (finished ? MODEL + " exists" : "its loss log reaches iteration "
                    + lastLogged) + ") but its " + CHECKPOINT + " is missing: resuming would start again from iteration 0 "
                    + "and overwrite the results. Restore the checkpoint, or train in another folder.");
        }
    }

    /**
     * The pairs whose LR image holds a whole patch. Small images (T91 has 78x78 ones, 19x19 at x4) are
     * left out by name rather than failing the run; none left is a usage error.
     */
    private static List<HrLrPair> usable(List<HrLrPair> pairs, RunSettings settings, PrintWriter err) {
        int p = settings.patch();
        List<HrLrPair> usable = pairs.stream().filter(x -> x.lr().height() >= p && x.lr().width() >= p).toList();
        List<String> small = pairs.stream().filter(x -> !usable.contains(x))
                .map(x -> x.id() + " (" + x.lr().width() + "x" + x.lr().height() + ")").toList();
        String what = "smaller than the " + p + "x" + p + " patch at x" + settings.scale() + " (LR size)";
        if (usable.isEmpty()) {
            throw new UsageException("all " + pairs.size() + " training images are " + what + ": " + String.join(", ", small)
                    + "; choose a smaller --patch");
        }
        if (!small.isEmpty()) {
            err.println("train: " + small.size() + " of " + pairs.size() + " training images are " + what
                    + " and are left out: " + String.join(", ", small));
        }
        return usable;
    }

    /** Copies every parameter of {@code init} whose name and shape match; says what it copied. */
    private static String initialise(Srgrn model, SrgrnWeights init, String source) {
        Map<String, Tensor> params = new LinkedHashMap<>(model.module().parameters());
        List<String> kept = new ArrayList<>();
        int copied = 0;
        for (Map.Entry<String, Tensor> p : params.entrySet()) {
            Tensor t = init.parameters().get(p.getKey());
            if (t != null && Arrays.equals(t.shape(), p.getValue().shape())) {
                p.setValue(t);
                copied++;
            } else {
                kept.add(p.getKey());
            }
        }
        if (copied == 0) {
            throw new UsageException("--init-from " + source + " shares no parameter (same name and shape) with this model");
        }
        model.module().setParameters(params);
        return "initialised " + copied + " of " + params.size() + " parameter tensors from " + source
                + (kept.isEmpty() ? "" : "; seeded initialisation kept for " + String.join(", ", kept));
    }

    /** One line per invocation in sessions.csv: a run's wall time and machines, session by session. */
    private void logSession(RunSettings settings, long start, Srgrn model) {
        try (MetricLog log = MetricLog.open(out.resolve(SESSIONS),
                "started,from_iteration,target_iterations,threads,backend,commit,machine")) {
            log.append(Csv.line(List.of(Instant.now().toString(), start, settings.iterations(), settings.threads(),
                    model.backend().name(), Provenance.gitCommit(), Provenance.machine())).stripTrailing());
            log.sync();
        }
    }

    private Validator holdoutValidator(List<ImageEntry> heldOut, Degradation deg, PrintWriter err) throws IOException {
        if (valEvery == 0) {
            return null;
        }
        Validator v = Validator.load(new Images("hold-out", heldOut), deg);
        err.println("train: validating on " + v.size() + " held-out training images ("
                + String.join(", ", heldOut.stream().map(ImageEntry::id).toList()) + ") every " + valEvery + " iterations");
        return v;
    }

    /** A list of images as a dataset. */
    private record Images(String name, List<ImageEntry> entries) implements SrDataset {
    }

    /** What a run's weights files say about how they were made (safetensors metadata). */
    private record RunRecord(RunSettings settings, String degradation, String trainingData, Validator validator) {
        Map<String, String> provenance(long iteration, double seconds, double psnr, double ssim) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("preset", settings.preset());
            m.put("scale", Integer.toString(settings.scale()));
            m.put("degradation", degradation);
            m.put("trainingData", trainingData);
            m.put("trainedIterations", Long.toString(iteration));
            m.put("trainingSeconds", String.format(Locale.ROOT, "%.0f", seconds));
            m.put("training", String.format(Locale.ROOT, "L1, Adam, lr %s halved every %d, batch %d of %dx%d LR patches%s, "
                    + "seed %d, %d threads%s", settings.learningRate(), settings.halveEvery(), settings.batch(),
                    settings.patch(), settings.patch(), settings.augment() ? " (flips/rotations)" : "", settings.seed(),
                    settings.threads(), settings.initFrom() == null ? "" : ", initialised from " + settings.initFrom()));
            m.put("machine", Provenance.machine());
            m.put("gitCommit", Provenance.gitCommit());
            if (validator != null && Double.isFinite(psnr)) {
                m.put("validationSet", validator.name() + " (" + validator.size() + " images)");
                m.put("validationPsnr", String.format(Locale.ROOT, "%.4f", psnr));
                m.put("validationSsim", String.format(Locale.ROOT, "%.5f", ssim));
            }
            m.put("seed", Long.toString(settings.seed()));
            return m;
        }
    }

    private RunSettings resolve(RunSettings stored) {
        List<String> conflicts = new ArrayList<>();
        String p = pick("--preset", preset, stored == null ? null : stored.preset(), "paper", conflicts);
        Integer s = pick("--scale", scale, stored == null ? null : stored.scale(), null, conflicts);
        String d = pick("--degradation", degradation == null ? null : degradation.trim().toUpperCase(Locale.ROOT),
                stored == null ? null : stored.degradation(), "BI", conflicts);
        Long ns = pick("--noise-seed", noiseSeed, stored == null ? null : stored.noiseSeed(), 0L, conflicts);
        String dataDir = pick("--data", data == null || data.isEmpty() ? null : String.join(",",
                data.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList()),
                stored == null ? null : stored.data(), null, conflicts);
        Integer ho = pick("--holdout", holdout, stored == null ? null : stored.holdout(), 0, conflicts);
        if (where.threads < 0) {
            throw new UsageException("--threads must be >= 0 (0: one per core), got " + where.threads);
        }
        // 0 means "not given": a new run records the cores it uses, since the thread count changes the results.
        Integer th = pick("--threads", where.threads == 0 ? null : where.threads,
                stored == null || stored.threads() == 0 ? null : stored.threads(), Runtime.getRuntime().availableProcessors(),
                conflicts);
        String init = pick("--init-from", initFrom == null ? null : initFrom.toAbsolutePath().normalize().toString(),
                stored == null ? null : stored.initFrom(), null, conflicts);
        if (stored == null && init != null) {
            ModelRef.requireWeightsFile("--init-from", initFrom);
        }
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
        if (pa < 1 || b < 1 || !(lr > 0) || h < 1 || ho < 0) {
            throw new UsageException("--patch, --batch and --halve-every must be >= 1, --holdout >= 0 and --lr > 0");
        }
        long total = iterations != null ? iterations : stored != null ? stored.iterations() : 1_000_000L;
        if (total < 1) {
            throw new UsageException("--iterations must be >= 1, got " + total);
        }
        long ce = checkpointEveryOption != null ? checkpointEveryOption : stored != null ? stored.checkpointEvery() : 1000;
        long ve = valEveryOption != null ? valEveryOption : stored != null ? stored.valEvery() : 1000;
        String vd = valDataOption != null ? valDataOption.toAbsolutePath().normalize().toString()
                : stored != null ? stored.valData() : null;
        return new RunSettings(p, s, d, ns, dataDir, pa, b, lr, h, sd, aug, total, ce, ve, vd, ho, th, init);
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
