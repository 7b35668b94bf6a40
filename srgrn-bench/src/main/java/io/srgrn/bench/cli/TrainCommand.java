package io.srgrn.bench.cli;

import io.srgrn.api.train.TrainingListener;
import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.bench.report.Numbers;
import io.srgrn.metrics.SetScore;
import io.srgrn.train.MetricLog;
import io.srgrn.train.RunObserver;
import io.srgrn.train.RunSettings;
import io.srgrn.train.RunSetupException;
import io.srgrn.train.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code srgrn train}: trains SRGRN with resumable atomic checkpoints. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains SRGRN (L1 loss, Adam, step schedule; SPEC.md section 5) on random patches of the HR "
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
            "All training images are held in memory: for DIV2K give the JVM enough heap (SRGRN_JAVA_OPTS=-Xmx12g)."
        })
final class TrainCommand implements Callable<Integer> {
    static final String RUN_FILE = TrainingRun.RUN_FILE;
    static final String CHECKPOINT = TrainingRun.CHECKPOINT;
    static final String LOSS_LOG = TrainingRun.LOSS_LOG;
    static final String VALIDATION_LOG = TrainingRun.VALIDATION_LOG;
    static final String MODEL = TrainingRun.MODEL;
    static final String BEST = TrainingRun.BEST;
    static final String INIT = TrainingRun.INIT;
    static final String GAMMA_LOG = TrainingRun.GAMMA_LOG;
    static final String SESSIONS = TrainingRun.SESSIONS;

    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Mixin BackendOptionsMixin where;

    @Option(
            names = "--data",
            paramLabel = "DIR[,DIR...]",
            split = ",",
            description =
                    "Folders of HR training images (or set folders with HR/), taken in this order, e.g. "
                            + "../shared/data/T91,../shared/data/BSD200.")
    List<Path> data;

    @Option(
            names = "--holdout",
            paramLabel = "N",
            description =
                    "Set N of the training images aside (spread evenly over them) as the validation set that "
                            + "picks best.safetensors; 0 validates on --val-data or Set5 instead (default: 0).")
    Integer holdout;

    @Option(
            names = "--init-from",
            paramLabel = "FILE",
            description =
                    "Start from these weights: every parameter of the same name and shape is copied (e.g. an x2 "
                            + "model's trunk for x3 or x4), the rest keep the seeded initialisation. RUN_DIR keeps a copy.")
    Path initFrom;

    @Option(names = "--scale", paramLabel = "S", description = "2, 3 or 4.")
    Integer scale;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "RUN_DIR",
            required = true,
            description = "Run folder (created).")
    Path out;

    @Option(
            names = "--resume",
            description = "Continue the run in RUN_DIR from its last checkpoint.")
    boolean resume;

    @Option(
            names = "--plot",
            description =
                    "Only draw the plots of the run in RUN_DIR (finished or not, e.g. while it "
                            + "trains): loss.png, validation.png and gammas.png.")
    boolean plotOnly;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            completionCandidates = ConfigOptions.Names.class,
            description = "Model: ${COMPLETION-CANDIDATES} (default: paper).")
    String preset;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "Total iterations (default: 1000000, i.e. 1000 epochs of 1000).")
    Long iterations;

    @Option(
            names = "--degradation",
            paramLabel = "BI|BD|DN",
            description = "How LR patches are made (default: BI; BD and DN are x3).")
    String degradation;

    @Option(
            names = "--noise-seed",
            paramLabel = "N",
            description = "Seed of DN's noise (default: 0).")
    Long noiseSeed;

    @Option(names = "--patch", paramLabel = "PIXELS", description = "LR patch side (default: 48).")
    Integer patch;

    @Option(names = "--batch", paramLabel = "N", description = "Patches per batch (default: 16).")
    Integer batch;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description = "Initial learning rate (default: 1e-4).")
    Double learningRate;

    @Option(
            names = "--halve-every",
            paramLabel = "N",
            description = "Halve the learning rate every N iterations (default: 200000).")
    Long halveEvery;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the initial weights and the patch sampling (default: 0).")
    Long seed;

    @Option(names = "--no-augment", description = "Turn off random flips and rotations.")
    Boolean noAugment;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            description =
                    "Checkpoint interval in iterations (default: 1000; a resumed run keeps its own).")
    Long checkpointEveryOption;

    @Option(
            names = "--val-every",
            paramLabel = "N",
            description =
                    "Validation interval in iterations; 0 turns validation off (default: 1000; a resumed run keeps its own).")
    Long valEveryOption;

    @Option(
            names = "--val-data",
            paramLabel = "DIR",
            description =
                    "Validation images (a set folder or folder of HR images); default: Set5 under srgrn.data / SRGRN_DATA.")
    Path valDataOption;

    @Option(
            names = "--lr-cache",
            paramLabel = "DIR",
            description = "Cache the degraded LR images here (speeds up restarts on large sets).")
    Path lrCache;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "1",
            description = "Threads preparing batches ahead (default: ${DEFAULT-VALUE}).")
    int workers;

    /** Tests only: one more listener, called after the command's own (e.g. to simulate a crash). */
    TrainingListener extraListener;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (plotOnly) {
            RunSettings run =
                    TrainingRun.stored(out)
                            .orElseThrow(
                                    () ->
                                            new UsageException(
                                                    out
                                                            + " holds no training run (no "
                                                            + RUN_FILE
                                                            + ")"));
            stdout.println(
                    "Plots written to "
                            + out
                            + ": "
                            + String.join(
                                    ", ",
                                    RunPlots.write(
                                            out, run, run.holdout() > 0 ? "hold-out" : null)));
            return ExitCodes.OK;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("run folder " + out + " exists and is not a folder");
        }
        RunSettings stored = null;
        if (resume) {
            stored =
                    TrainingRun.stored(out)
                            .orElseThrow(
                                    () ->
                                            new UsageException(
                                                    "nothing to resume in "
                                                            + out
                                                            + ": it has no "
                                                            + RUN_FILE));
        }
        RunSettings settings = resolve(stored);
        where.threads = settings.threads();
        TrainingRun run =
                new TrainingRun(
                        out, settings, new TrainingRun.Options(workers, lrCache, where::build));
        Progress progress = new Progress(err, extraListener);
        TrainingRun.Result result;
        try (StopOnShutdown stop =
                new StopOnShutdown("train", run::requestStop, progress::whereToContinue, err)) {
            result = run.run(resume ? TrainingRun.Mode.RESUME : TrainingRun.Mode.NEW, progress);
        } catch (RunSetupException e) {
            throw new UsageException(e.getMessage());
        } finally {
            progress.close();
        }
        if (result.stopped()) {
            // The JVM is exiting (Ctrl-C or SIGTERM): the shutdown hook says where to continue.
            return ExitCodes.OK;
        }
        List<String> plots = RunPlots.write(out, settings, result.validationName());
        summary(stdout, settings, result, plots);
        return ExitCodes.OK;
    }

    /**
     * What the user sees while the run trains: its notes on stderr, a progress bar, the validation
     * scores, and on Ctrl-C where the last checkpoint is and how to continue.
     */
    private final class Progress implements RunObserver, AutoCloseable {
        private final PrintWriter err;
        private final TrainingListener extra;
        private ProgressBar bar;
        private volatile long lastCheckpoint;
        private String lastValidation = "";

        Progress(PrintWriter err, TrainingListener extra) {
            this.err = err;
            this.extra = extra;
        }

        @Override
        public void note(String message) {
            err.println("train: " + message);
            err.flush();
        }

        @Override
        public void onStart(long iteration, long total) {
            lastCheckpoint = iteration;
            bar = ProgressBar.onStderr(err, "train", total);
            bar.update(iteration, "starting", Double.POSITIVE_INFINITY);
        }

        @Override
        public void onValidation(long iteration, String setName, SetScore s) {
            lastValidation = String.format(Locale.ROOT, "  %s %.2f dB", setName, s.meanPsnr());
            bar.message(
                    String.format(
                            Locale.ROOT,
                            "train: iteration %d: %s PSNR %.4f dB, SSIM %.5f",
                            iteration,
                            setName,
                            s.meanPsnr(),
                            s.meanSsim()));
        }

        @Override
        public void onStep(StepEvent e) {
            bar.update(
                    e.iteration(),
                    String.format(
                            Locale.ROOT,
                            "loss %.5f  lr %.2e  %.2f it/s%s",
                            e.loss(),
                            e.learningRate(),
                            e.stepsPerSecond(),
                            lastValidation),
                    e.etaSeconds());
            if (extra != null) {
                extra.onStep(e);
            }
        }

        @Override
        public void onCheckpoint(long iteration, Path file) {
            if (extra != null) {
                extra.onCheckpoint(iteration, file);
            }
            lastCheckpoint = iteration;
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }

        /** What a stopped run tells its user last: where it can pick up. */
        String whereToContinue() {
            if (lastCheckpoint == 0) {
                return "train: interrupted before the first checkpoint; srgrn train --resume -o "
                        + out
                        + " starts the run again from iteration 0";
            }
            return "train: interrupted; the last checkpoint (iteration "
                    + lastCheckpoint
                    + ") is in "
                    + out
                    + "; continue with: srgrn train --resume -o "
                    + out;
        }
    }

    private RunSettings resolve(RunSettings stored) {
        List<String> conflicts = new ArrayList<>();
        String p =
                pick(
                        "--preset",
                        preset,
                        stored == null ? null : stored.preset(),
                        "paper",
                        conflicts);
        Integer s = pick("--scale", scale, stored == null ? null : stored.scale(), null, conflicts);
        String d =
                pick(
                        "--degradation",
                        degradation == null ? null : degradation.trim().toUpperCase(Locale.ROOT),
                        stored == null ? null : stored.degradation(),
                        "BI",
                        conflicts);
        Long ns =
                pick(
                        "--noise-seed",
                        noiseSeed,
                        stored == null ? null : stored.noiseSeed(),
                        0L,
                        conflicts);
        String dataDir =
                pick(
                        "--data",
                        data == null || data.isEmpty()
                                ? null
                                : String.join(
                                        ",",
                                        data.stream()
                                                .map(f -> f.toAbsolutePath().normalize().toString())
                                                .toList()),
                        stored == null ? null : stored.data(),
                        null,
                        conflicts);
        Integer ho =
                pick("--holdout", holdout, stored == null ? null : stored.holdout(), 0, conflicts);
        if (where.threads < 0) {
            throw new UsageException(
                    "--threads must be >= 0 (0: one per core), got " + where.threads);
        }
        // 0 means "not given": a new run records the cores it uses, since the thread count changes
        // the results.
        Integer th =
                pick(
                        "--threads",
                        where.threads == 0 ? null : where.threads,
                        stored == null || stored.threads() == 0 ? null : stored.threads(),
                        Runtime.getRuntime().availableProcessors(),
                        conflicts);
        String init =
                pick(
                        "--init-from",
                        initFrom == null ? null : initFrom.toAbsolutePath().normalize().toString(),
                        stored == null ? null : stored.initFrom(),
                        null,
                        conflicts);
        if (stored == null && init != null) {
            ModelRef.requireWeightsFile("--init-from", initFrom);
        }
        Integer pa = pick("--patch", patch, stored == null ? null : stored.patch(), 48, conflicts);
        Integer b = pick("--batch", batch, stored == null ? null : stored.batch(), 16, conflicts);
        Double lr =
                pick(
                        "--lr",
                        learningRate,
                        stored == null ? null : stored.learningRate(),
                        1e-4,
                        conflicts);
        Long h =
                pick(
                        "--halve-every",
                        halveEvery,
                        stored == null ? null : stored.halveEvery(),
                        200_000L,
                        conflicts);
        Long sd = pick("--seed", seed, stored == null ? null : stored.seed(), 0L, conflicts);
        Boolean aug =
                pick(
                        "--no-augment",
                        noAugment == null ? null : !noAugment,
                        stored == null ? null : stored.augment(),
                        true,
                        conflicts);
        if (!conflicts.isEmpty()) {
            throw new UsageException(
                    "--resume must train the same run; these options differ from "
                            + out.resolve(RUN_FILE)
                            + ": "
                            + String.join("; ", conflicts));
        }
        if (s == null || dataDir == null) {
            throw new UsageException("--data and --scale are required (unless resuming)");
        }
        ConfigOptions.requireScale(s);
        if (!ConfigOptions.PRESETS.contains(p)) {
            throw new UsageException(
                    "unknown --preset '"
                            + p
                            + "'; allowed: "
                            + String.join(", ", ConfigOptions.PRESETS));
        }
        if (pa < 1 || b < 1 || !(lr > 0) || h < 1 || ho < 0) {
            throw new UsageException(
                    "--patch, --batch and --halve-every must be >= 1, --holdout >= 0 and --lr > 0");
        }
        long total =
                iterations != null ? iterations : stored != null ? stored.iterations() : 1_000_000L;
        if (total < 1) {
            throw new UsageException("--iterations must be >= 1, got " + total);
        }
        long ce =
                checkpointEveryOption != null
                        ? checkpointEveryOption
                        : stored != null ? stored.checkpointEvery() : 1000;
        long ve =
                valEveryOption != null ? valEveryOption : stored != null ? stored.valEvery() : 1000;
        String vd =
                valDataOption != null
                        ? valDataOption.toAbsolutePath().normalize().toString()
                        : stored != null ? stored.valData() : null;
        if (ce < 1 || ve < 0 || workers < 1) {
            throw new UsageException(
                    "--checkpoint-every and --workers must be >= 1 and --val-every >= 0");
        }
        RunSettings settings =
                new RunSettings(
                        p, s, d, ns, dataDir, pa, b, lr, h, sd, aug, total, ce, ve, vd, ho, th,
                        init);
        try {
            settings.degradationModel();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replaceFirst("degradation", "--degradation"));
        }
        return settings;
    }

    private static <T> T pick(
            String option, T given, T stored, T fallback, List<String> conflicts) {
        if (given != null && stored != null && !Objects.equals(given, stored)) {
            conflicts.add(option + " " + given + " (the run has " + stored + ")");
        }
        return given != null ? given : stored != null ? stored : fallback;
    }

    private void summary(
            PrintWriter stdout,
            RunSettings settings,
            TrainingRun.Result result,
            List<String> plots) {
        Path lossFile = out.resolve(LOSS_LOG);
        Path valFile = out.resolve(VALIDATION_LOG);
        List<double[]> loss = MetricLog.read(lossFile, 1);
        int tail = Math.min(100, loss.size());
        double meanLoss =
                loss.subList(loss.size() - tail, loss.size()).stream()
                        .mapToDouble(v -> v[1])
                        .average()
                        .orElse(Double.NaN);
        List<double[]> psnr = MetricLog.read(valFile, 1);
        List<double[]> ssim = MetricLog.read(valFile, 2);
        MarkdownTable t =
                new MarkdownTable(
                                "run",
                                "model",
                                "iterations",
                                "loss (mean of last " + tail + ")",
                                "validation PSNR/SSIM"
                                        + (result.validationName() == null
                                                ? ""
                                                : " (" + result.validationName() + ")"),
                                "time")
                        .alignRight(2, 3, 4, 5);
        t.row(
                out.toString(),
                settings.preset() + " x" + settings.scale(),
                result.iterations() + " / " + settings.iterations(),
                Numbers.fixed(meanLoss, 5),
                psnr.isEmpty()
                        ? "-"
                        : Numbers.psnrSsim(
                                psnr.get(psnr.size() - 1)[1], ssim.get(ssim.size() - 1)[1]),
                ProgressBar.duration(result.seconds()));
        stdout.print(t.render());
        stdout.println();
        List<String> files =
                new ArrayList<>(List.of(MODEL, CHECKPOINT, RUN_FILE, LOSS_LOG, VALIDATION_LOG));
        files.addAll(plots);
        stdout.println("Files in " + out + ": " + String.join(", ", files));
        stdout.flush();
    }
}
