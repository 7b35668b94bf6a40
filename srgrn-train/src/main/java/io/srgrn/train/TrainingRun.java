package io.srgrn.train;

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
import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.AtomicWrite;
import io.srgrn.data.sample.PatchSampler;
import io.srgrn.metrics.SetScore;
import java.io.IOException;
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
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run in its folder, as {@code srgrn train} runs it (SPEC 5: L1 loss, Adam, step
 * schedule, random patches degraded on the fly). The folder receives:
 *
 * <ul>
 *   <li>{@value #RUN_FILE}: the {@link RunSettings} (a resumed run must train the same run);
 *   <li>{@value #CHECKPOINT}: weights, Adam state and iteration, written atomically every {@code
 *       checkpointEvery} iterations, so a kill loses at most one interval;
 *   <li>{@value #LOSS_LOG} (with cumulative training seconds), {@value #VALIDATION_LOG}, {@value
 *       #GAMMA_LOG} (the gammas at each validation) and {@value #SESSIONS} (one line per
 *       invocation: when, where, which commit); each is forced to disk before the checkpoint that
 *       vouches for it and cut back to the checkpoint on resume ({@link MetricLog});
 *   <li>{@value #BEST}: the weights of the best validation PSNR so far, {@value #MODEL} at the end,
 *       both with their provenance in the metadata, and {@value #INIT}, a copy of the initial
 *       weights when the run started from some.
 * </ul>
 *
 * A resumed run continues bit-identically to an uninterrupted one on a deterministic backend (same
 * settings, thread count included). The folder only becomes a run once data, validation set and
 * backend are known to work, so a run that fails on its settings leaves nothing behind.
 *
 * <p>Problems the caller must fix (settings, data, the folder's state) are {@link
 * RunSetupException}s.
 */
public final class TrainingRun {
    public static final String RUN_FILE = "run.json";
    public static final String CHECKPOINT = "checkpoint.safetensors";
    public static final String LOSS_LOG = "loss.csv";
    public static final String VALIDATION_LOG = "validation.csv";
    public static final String MODEL = "model.safetensors";
    public static final String BEST = "best.safetensors";
    public static final String INIT = "init.safetensors";
    public static final String GAMMA_LOG = "gammas.csv";
    public static final String SESSIONS = "sessions.csv";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /** Whether the run starts in an empty folder or continues the one there. */
    public enum Mode {
        NEW,
        RESUME
    }

    /**
     * How the run computes, beside its settings.
     *
     * @param workers threads preparing batches ahead (>= 1; does not change the result)
     * @param lrCache where degraded LR images are cached between runs, or null
     * @param backend builds the model from a builder that has the run's config, seed and threads
     *     (e.g. to choose the backend and device); {@code Srgrn.Builder::build} by default
     */
    public record Options(int workers, Path lrCache, Function<Srgrn.Builder, Srgrn> backend) {
        public Options {
            Objects.requireNonNull(backend, "backend");
        }

        public static Options defaults() {
            return new Options(1, null, Srgrn.Builder::build);
        }
    }

    /**
     * What the run did.
     *
     * @param iterations iterations trained in total (the target, when it finished)
     * @param validationName the set that validated the run, or null without validation
     * @param seconds this invocation's wall time
     * @param stopped whether {@link #requestStop()} ended it before the settings' iteration count
     */
    public record Result(
            Path folder, long iterations, String validationName, double seconds, boolean stopped) {}

    private final Path folder;
    private final RunSettings settings;
    private final Options options;
    private volatile boolean stopRequested;

    public TrainingRun(Path folder, RunSettings settings, Options options) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The settings stored in a run folder, or empty when it holds no run. */
    public static Optional<RunSettings> stored(Path folder) throws IOException {
        Path runFile = folder.resolve(RUN_FILE);
        if (!Files.isRegularFile(runFile)) {
            return Optional.empty();
        }
        return Optional.of(RunSettings.parse(Files.readString(runFile), runFile.toString()));
    }

    /**
     * Asks the run to stop after its current step: it writes its checkpoint there (resumable as
     * usual) and its model, and {@link #run} returns with {@link Result#stopped()}. Safe from any
     * thread, e.g. a shutdown hook, which must then wait for {@link #run} to return: natives torn
     * down by the JVM's exit while a step still runs crash the process.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Trains to the settings' iteration count and writes the final model. */
    public Result run(Mode mode, RunObserver observer) throws IOException {
        Objects.requireNonNull(observer, "observer");
        boolean resume = mode == Mode.RESUME;
        Path checkpointFile = folder.resolve(CHECKPOINT);
        if (!resume && (Files.exists(folder.resolve(RUN_FILE)) || Files.exists(checkpointFile))) {
            throw new RunSetupException(
                    folder
                            + " already holds a training run: pass --resume to continue it, "
                            + "or choose another --out");
        }
        if (resume) {
            refuseRestartOfTrainedRun(checkpointFile);
        }
        requireValid(settings, options);
        SrgrnConfig config;
        Degradation deg;
        try {
            config = settings.config();
            deg = settings.degradationModel();
        } catch (RunSetupException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RunSetupException(e.getMessage());
        }
        TrainingData data = TrainingData.load(settings, deg, options.lrCache(), observer::note);
        PatchSampler sampler =
                new PatchSampler(
                        data.pairs(),
                        new PatchSampler.Config(
                                settings.patch(),
                                settings.batch(),
                                settings.augment(),
                                settings.seed()));
        Validator validator =
                data.heldOut().isEmpty()
                        ? validator(deg, observer)
                        : holdoutValidator(data, deg, observer);
        SrgrnWeights init =
                settings.initFrom() == null
                        ? null
                        : WeightsFile.load(
                                resume ? folder.resolve(INIT) : Path.of(settings.initFrom()));

        long t0 = System.nanoTime();
        try (Srgrn model =
                options.backend()
                        .apply(
                                Srgrn.builder()
                                        .config(config)
                                        .seed(settings.seed())
                                        .threads(settings.threads()))) {
            // Only now, with the data, the validation set and the backend known to work, does the
            // folder
            // become a run: a run that failed on its settings leaves nothing that blocks a
            // corrected retry.
            Files.createDirectories(folder);
            // What a run killed mid-write left (a checkpoint's temporary copy can be tens of MB)
            // goes now, not
            // only when the same file is next written.
            for (String name : List.of(CHECKPOINT, MODEL, BEST, RUN_FILE, INIT)) {
                AtomicWrite.removeStaleTemporaries(folder.resolve(name));
            }
            if (!resume && init != null) {
                AtomicFiles.write(
                        folder.resolve(INIT), Files.readAllBytes(Path.of(settings.initFrom())));
            }
            AtomicFiles.write(
                    folder.resolve(RUN_FILE), settings.json().getBytes(StandardCharsets.UTF_8));
            TrainingSettings ts =
                    new TrainingSettings(
                            settings.iterations(),
                            new StepSchedule(settings.learningRate(), settings.halveEvery()),
                            AdamSettings.paper(),
                            settings.checkpointEvery(),
                            checkpointFile);
            Trainer trainer = model.trainer(ts);
            long start = 0;
            if (resume && Files.exists(checkpointFile)) {
                Checkpoint cp = Checkpoint.read(checkpointFile);
                trainer.resume(cp);
                start = cp.iteration();
                observer.note("resuming at iteration " + start + " of " + settings.iterations());
            } else if (resume) {
                observer.note(folder + " has no checkpoint yet: starting at iteration 0");
            }
            if (start == 0 && init != null) {
                observer.note(initialise(model, init, settings.initFrom()));
            }
            Path lossFile = folder.resolve(LOSS_LOG);
            Path valFile = folder.resolve(VALIDATION_LOG);
            MetricLog.truncate(lossFile, start);
            MetricLog.truncate(valFile, start);
            MetricLog.truncate(folder.resolve(GAMMA_LOG), start);
            logSession(start, model);
            observer.note(
                    "SRGRN "
                            + settings.preset()
                            + " x"
                            + settings.scale()
                            + " ("
                            + String.format(
                                    Locale.ROOT, "%,d", new SrgrnSpec(config).parameterCount())
                            + " parameters) on "
                            + model.backend().name()
                            + " "
                            + model.device()
                            + ", batch "
                            + settings.batch()
                            + " of "
                            + settings.patch()
                            + "x"
                            + settings.patch()
                            + " LR patches, iterations "
                            + start
                            + " -> "
                            + settings.iterations());
            RunRecord record =
                    new RunRecord(
                            settings,
                            deg.key(),
                            data.description(),
                            validator == null
                                    ? null
                                    : validator.name() + " (" + validator.size() + " images)");
            if (start < settings.iterations() && !stopRequested) {
                train(trainer, model, sampler, validator, start, record, observer);
            }
            List<double[]> lastLoss = MetricLog.read(lossFile, 3);
            double seconds = lastLoss.isEmpty() ? 0 : lastLoss.get(lastLoss.size() - 1)[1];
            List<double[]> psnr = MetricLog.read(valFile, 1);
            List<double[]> ssim = MetricLog.read(valFile, 2);
            model.save(
                    folder.resolve(MODEL),
                    record.provenance(
                            trainer.iteration(),
                            seconds,
                            psnr.isEmpty() ? Double.NaN : psnr.get(psnr.size() - 1)[1],
                            ssim.isEmpty() ? Double.NaN : ssim.get(ssim.size() - 1)[1]));
            LOG.info(
                    "training run {} at iteration {} of {}",
                    folder,
                    trainer.iteration(),
                    settings.iterations());
            return new Result(
                    folder,
                    trainer.iteration(),
                    validator == null ? null : validator.name(),
                    (System.nanoTime() - t0) / 1e9,
                    trainer.iteration() < settings.iterations());
        }
    }

    private void train(
            Trainer trainer,
            Srgrn model,
            PatchSampler sampler,
            Validator validator,
            long start,
            RunRecord record,
            RunObserver observer) {
        long total = settings.iterations();
        long valEvery = settings.valEvery();
        long checkpointEvery = settings.checkpointEvery();
        Path lossFile = folder.resolve(LOSS_LOG);
        Path valFile = folder.resolve(VALIDATION_LOG);
        List<String> gammaNames = new SrgrnSpec(model.config()).gammaNames();
        // Wall time accumulates over the sessions of a run; the last logged line carries the total
        // so far.
        List<double[]> logged = MetricLog.read(lossFile, 3);
        double secondsBefore = logged.isEmpty() ? 0 : logged.get(logged.size() - 1)[1];
        long sessionStart = System.nanoTime();
        double[] best = {
            MetricLog.read(valFile, 1).stream()
                    .mapToDouble(v -> v[1])
                    .max()
                    .orElse(Double.NEGATIVE_INFINITY)
        };
        boolean[] stopAfterThisStep = {false};
        try (MetricLog lossLog = MetricLog.open(lossFile, "iteration,loss,learning_rate,seconds");
                MetricLog valLog = MetricLog.open(valFile, "iteration,psnr,ssim");
                MetricLog gammaLog =
                        MetricLog.open(
                                folder.resolve(GAMMA_LOG),
                                "iteration," + String.join(",", gammaNames));
                PrefetchSource source =
                        new PrefetchSource(sampler, start, total, options.workers())) {
            trainer.addListener(
                    new TrainingListener() {
                        @Override
                        public void onStep(StepEvent e) {
                            double seconds =
                                    secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
                            lossLog.append(
                                    e.iteration()
                                            + ","
                                            + e.loss()
                                            + ","
                                            + e.learningRate()
                                            + ","
                                            + String.format(Locale.ROOT, "%.1f", seconds));
                            if (validator != null
                                    && valEvery > 0
                                    && e.iteration() % valEvery == 0) {
                                SetScore s = validator.score(model);
                                valLog.append(
                                        e.iteration() + "," + s.meanPsnr() + "," + s.meanSsim());
                                Map<String, Tensor> params = model.module().parameters();
                                gammaLog.append(
                                        e.iteration()
                                                + ","
                                                + String.join(
                                                        ",",
                                                        gammaNames.stream()
                                                                .map(
                                                                        n ->
                                                                                Float.toString(
                                                                                        params.get(
                                                                                                        n)
                                                                                                .data()[
                                                                                                0]))
                                                                .toList()));
                                if (s.meanPsnr() > best[0]) {
                                    best[0] = s.meanPsnr();
                                    model.save(
                                            folder.resolve(BEST),
                                            record.provenance(
                                                    e.iteration(),
                                                    seconds,
                                                    s.meanPsnr(),
                                                    s.meanSsim()));
                                }
                                observer.onValidation(e.iteration(), validator.name(), s);
                            }
                            // A stop is decided here, once per step, so that the checkpoint the
                            // trainer writes on stopping finds these logs synced.
                            stopAfterThisStep[0] = stopRequested;
                            if (e.iteration() % checkpointEvery == 0
                                    || e.iteration() == e.totalIterations()
                                    || stopAfterThisStep[0]) {
                                // Logs reach the disk before the trainer writes the checkpoint that
                                // vouches for them.
                                lossLog.sync();
                                valLog.sync();
                                gammaLog.sync();
                            }
                            observer.onStep(e);
                        }

                        @Override
                        public void onCheckpoint(long iteration, Path file) {
                            observer.onCheckpoint(iteration, file);
                        }
                    });
            observer.onStart(start, total);
            // Before the first step nothing of this session is logged yet: a stop may come at once.
            trainer.fit(
                    source,
                    () -> stopAfterThisStep[0] || (stopRequested && trainer.iteration() == start));
        }
    }

    /**
     * The rules a command line checks option by option, for callers that build the settings
     * themselves.
     */
    private static void requireValid(RunSettings s, Options options) {
        List<String> bad = new ArrayList<>();
        if (s.patch() < 1
                || s.batch() < 1
                || s.halveEvery() < 1
                || s.iterations() < 1
                || s.checkpointEvery() < 1) {
            bad.add("patch, batch, halveEvery, iterations and checkpointEvery must be >= 1");
        }
        if (!(s.learningRate() > 0) || !Double.isFinite(s.learningRate())) {
            bad.add("the learning rate must be finite and > 0, got " + s.learningRate());
        }
        if (s.holdout() < 0 || s.valEvery() < 0 || s.threads() < 0) {
            bad.add("holdout, valEvery and threads must be >= 0");
        }
        if (options.workers() < 1) {
            bad.add("workers must be >= 1, got " + options.workers());
        }
        if (s.data() == null || s.dataFolders().isEmpty()) {
            bad.add("no training data folder");
        }
        if (!bad.isEmpty()) {
            throw new RunSetupException("invalid training run settings: " + String.join("; ", bad));
        }
    }

    /**
     * A finished run whose checkpoint was deleted would restart from iteration 0 and overwrite its
     * model and logs: refused. A run killed before its first checkpoint restarts from 0, as it
     * should.
     */
    private void refuseRestartOfTrainedRun(Path checkpointFile) {
        if (Files.exists(checkpointFile)) {
            return;
        }
        List<double[]> logged = MetricLog.read(folder.resolve(LOSS_LOG), 1);
        long lastLogged = logged.isEmpty() ? 0 : (long) logged.get(logged.size() - 1)[0];
        boolean finished = Files.exists(folder.resolve(MODEL));
        if (finished || lastLogged >= settings.checkpointEvery()) {
            throw new RunSetupException(
                    folder
                            + " has trained ("
                            + (finished
                                    ? MODEL + " exists"
                                    : "its loss log reaches " + "iteration " + lastLogged)
                            + ") but its "
                            + CHECKPOINT
                            + " is missing: resuming would start again "
                            + "from iteration 0 and overwrite the results. Restore the checkpoint, or train in another folder.");
        }
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
            throw new RunSetupException(
                    "--init-from "
                            + source
                            + " shares no parameter (same name and shape) with this model");
        }
        model.module().setParameters(params);
        return "initialised "
                + copied
                + " of "
                + params.size()
                + " parameter tensors from "
                + source
                + (kept.isEmpty()
                        ? ""
                        : "; seeded initialisation kept for " + String.join(", ", kept));
    }

    /**
     * One line per invocation in sessions.csv: a run's wall time and machines, session by session.
     */
    private void logSession(long start, Srgrn model) {
        try (MetricLog log =
                MetricLog.open(
                        folder.resolve(SESSIONS),
                        "started,from_iteration,target_iterations,threads,backend,commit,machine")) {
            log.append(
                    MetricLog.csvLine(
                            List.of(
                                    Instant.now().toString(),
                                    start,
                                    settings.iterations(),
                                    settings.threads(),
                                    model.backend().name(),
                                    Provenance.gitCommit(),
                                    Provenance.machine())));
            log.sync();
        }
    }

    private Validator holdoutValidator(TrainingData data, Degradation deg, RunObserver observer)
            throws IOException {
        if (settings.valEvery() == 0) {
            return null;
        }
        Validator v = Validator.load(new TrainingData.Images("hold-out", data.heldOut()), deg);
        observer.note(
                "validating on "
                        + v.size()
                        + " held-out training images ("
                        + String.join(", ", data.heldOut().stream().map(e -> e.id()).toList())
                        + ") every "
                        + settings.valEvery()
                        + " iterations");
        return v;
    }

    private Validator validator(Degradation deg, RunObserver observer) throws IOException {
        if (settings.valEvery() == 0) {
            return null;
        }
        Path dir = settings.valData() == null ? null : Path.of(settings.valData());
        if (dir == null) {
            Path root = DataRoot.find().orElse(null);
            if (root == null || !Files.isDirectory(root.resolve("Set5"))) {
                observer.note(
                        "validation skipped: no Set5 found (set SRGRN_DATA or -Dsrgrn.data to the dataset "
                                + "folder, or pass --val-data DIR)");
                return null;
            }
            dir = root.resolve("Set5");
        } else if (!Files.isDirectory(dir)) {
            throw new RunSetupException("--val-data " + dir + " does not exist");
        }
        Validator v = Validator.load(TrainingData.openFolder(dir), deg);
        observer.note(
                "validating on "
                        + v.name()
                        + " ("
                        + v.size()
                        + " images) every "
                        + settings.valEvery()
                        + " iterations");
        return v;
    }
}
