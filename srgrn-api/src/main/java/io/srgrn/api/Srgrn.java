package io.srgrn.api;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.exact.ExactTiledForward;
import io.srgrn.api.exact.MemoryCost;
import io.srgrn.api.exact.ProcessMemory;
import io.srgrn.api.exact.Retention;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.models.ModelInfo;
import io.srgrn.api.models.Models;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.NativeHeapDefaults;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.train.Trainer;
import io.srgrn.api.train.TrainingSettings;
import io.srgrn.api.weights.SrgrnWeights;
import io.srgrn.api.weights.WeightsFile;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.PlanarImage;
import io.srgrn.data.image.QuantizedImage;
import io.srgrn.data.resize.MatlabBicubic;
import io.srgrn.data.sample.Dihedral;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRGRN ready to use: a model compiled on a backend and device, for inference and training.
 *
 * <pre>{@code
 * try (Srgrn sr = Srgrn.builder().scale(4).build()) {   // the shipped x4 model (srgrn-models on the class path)
 *     Tensor hr = sr.upscale(lr);                       // (B, 3, h, w) in [0, 1] -> (B, 3, 4h, 4w)
 * }
 * }</pre>
 *
 * Weights come from, in order: {@link Builder#weights(Path)}, {@link Builder#model(String)}, else
 * (when no config was set) the shipped default model for the scale. With none of them the network
 * keeps its seeded random initialisation, which trains but refuses to upscale unless {@link
 * Builder#untrained()} asked for it: random weights give a dark, meaningless image. Holds native
 * memory: close it.
 *
 * <p><b>Threads.</b> One instance may be shared by any number of threads (a server's request
 * threads, say). Calls into the network run one at a time (the module's lock, see {@link
 * io.srgrn.api.spi.AbstractModule} for why one lock rather than a pool of modules), and each result
 * is bit-identical to what the same call returns alone; the work around them (tiling,
 * self-ensemble, clamping, image conversion) runs in the calling thread. {@link #close()} waits for
 * the call in progress and then frees the native memory; calls after it fail with {@link
 * IllegalStateException}. Training while other threads upscale is allowed but their results then
 * depend on which weights each call saw.
 */
public final class Srgrn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Srgrn.class);

    /**
     * Exact tiling's default way of keeping features between passes: recomputing them keeps memory
     * at one tile with no disk use; see docs/RESULTS.md for the measured alternatives.
     */
    public static final Retention DEFAULT_RETENTION = Retention.RECOMPUTE;

    private final SrgrnConfig config;
    private final BackendContext context;
    private final Module module;
    private final Tiling tiling;
    private final long memoryBudget;
    private final Retention retention;

    /** Exact tiling compiles its pieces on the shared context: one run at a time. */
    private final ReentrantLock exactLock = new ReentrantLock(true);

    private final String weightsSource;
    private final boolean untrainedAllowed;
    private volatile boolean trained;
    private volatile boolean warnedUntrained;

    private Srgrn(
            SrgrnConfig config,
            BackendContext context,
            Module module,
            Tiling tiling,
            long memoryBudget,
            Retention retention,
            String weightsSource,
            boolean untrainedAllowed) {
        this.config = config;
        this.context = context;
        this.module = module;
        this.tiling = tiling;
        this.memoryBudget = memoryBudget;
        this.retention = retention;
        this.weightsSource = weightsSource;
        this.trained = weightsSource != null;
        this.untrainedAllowed = untrainedAllowed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SrgrnConfig config() {
        return config;
    }

    public Backend backend() {
        return context.backend();
    }

    public Device device() {
        return context.device();
    }

    /** The compiled network, for direct access to forward/backward/parameters. */
    public Module module() {
        return module;
    }

    /**
     * False while the weights are the seeded random initialisation (no weights loaded or trained).
     */
    public boolean hasTrainedWeights() {
        return trained;
    }

    /**
     * Where the weights came from: a file, a shipped model's name, or null for the seeded
     * initialisation.
     */
    public String weightsSource() {
        return weightsSource;
    }

    /**
     * Super-resolves {@code lr} (B, in, h, w) with values in [0, 1]; the result (B, out, s*h, s*w)
     * is clamped to [0, 1] (SPEC 3.5: inference clamps, training does not).
     *
     * @throws IllegalArgumentException when {@code lr} holds a NaN or infinite value
     * @throws NonFiniteOutputException when the network's output is not finite (weights or inputs
     *     so large that float32 overflows): never silently clamped to a black or white image
     */
    public Tensor upscale(Tensor lr) {
        return upscale(lr, false);
    }

    /**
     * As {@link #upscale(Tensor)}; with {@code selfEnsemble} the model runs on the 8 dihedral
     * transforms of the input and the inverted outputs are averaged (SRGRN+, SPEC 8). Runs in tiles
     * when the builder set a {@link Tiling}, in exact tiles sized to the builder's {@link
     * Builder#memoryBudget memory budget}, or, with neither, in exact tiles when the whole image
     * would not fit the machine's available memory ({@link #tilingFor}).
     */
    public Tensor upscale(Tensor lr, boolean selfEnsemble) {
        new SrgrnSpec(config).outputShape(lr.shape());
        return upscale(lr, selfEnsemble, tilingFor(lr.dim(0), lr.dim(2), lr.dim(3), selfEnsemble));
    }

    /**
     * The tiling {@link #upscale(Tensor, boolean)} uses for {@code batch} images of {@code height x
     * width} LR pixels; null for the whole image at once. In order: the builder's {@link Tiling};
     * with a {@link Builder#memoryBudget memory budget}, the whole image when it fits, else the
     * largest exact tile that fits what the budget leaves after this process's resident memory and
     * the output (a {@link SrgrnException} when not even one pixel does); with neither, the whole
     * image unless it would not fit the machine's available memory, then exact tiles sized to half
     * of it, said in one log line. Sizes come from {@link MemoryCost}.
     */
    public Tiling tilingFor(int batch, int height, int width, boolean selfEnsemble) {
        if (tiling != null) {
            return tiling;
        }
        // the output, plus the ensemble's accumulator and the transformed copy being added
        long output =
                (selfEnsemble ? 3L : 1L)
                        * Float.BYTES
                        * batch
                        * config.outChannels()
                        * outputPixels(height, width);
        return chooseTiling(batch, height, width, output);
    }

    /**
     * The tiling {@link #upscaleToImage} best uses for {@code image} at {@code bitDepth}: as {@link
     * #tilingFor(int, int, int, boolean)}, except that exact tiles without self-ensemble leave room
     * for the quantised output they stream into rather than for a float one.
     */
    public Tiling tilingFor(DecodedImage image, boolean selfEnsemble, int bitDepth) {
        int height = image.height();
        int width = image.width();
        if (tiling != null || selfEnsemble) {
            return tilingFor(1, height, width, selfEnsemble);
        }
        int samples = image.color().channels() + (image.hasAlpha() ? 1 : 0);
        long quantised = (long) bitDepth / 8 * samples * outputPixels(height, width);
        Tiling streamed = chooseTiling(1, height, width, quantised);
        // whole-image inference holds the float output after all: decide with it
        return streamed != null ? streamed : tilingFor(1, height, width, false);
    }

    private long outputPixels(int height, int width) {
        return (long) config.scale() * config.scale() * height * width;
    }

    /** {@link #tilingFor(int, int, int, boolean)} with {@code output} bytes held for the result. */
    private Tiling chooseTiling(int batch, int height, int width, long output) {
        MemoryCost cost = MemoryCost.of(config);
        long whole = cost.wholeImageBytes(batch, height, width);
        if (memoryBudget > 0) {
            long resident = ProcessMemory.residentBytes();
            int tile = cost.tileFor(batch, height, width, memoryBudget - resident - output);
            if (tile == MemoryCost.NONE) {
                throw new SrgrnException(
                        String.format(
                                java.util.Locale.ROOT,
                                "memory budget of %s is too small for "
                                        + "a %dx%d image at x%d: this process already holds %s, the output needs %s and the smallest "
                                        + "exact tile (1 LR pixel plus a halo of %d) needs %s; raise the budget to at least %s",
                                bytes(memoryBudget),
                                height,
                                width,
                                config.scale(),
                                bytes(resident),
                                bytes(output),
                                cost.haloLr(),
                                bytes(cost.tileBytes(batch, 1, height, width)),
                                bytes(
                                        resident
                                                + output
                                                + cost.tileBytes(batch, 1, height, width))));
            }
            if (tile == MemoryCost.WHOLE) {
                return null;
            }
            LOG.info(
                    "memory budget {}: a {}x{} image runs in exact tiles of {} LR pixels (same output, more time)",
                    bytes(memoryBudget),
                    height,
                    width,
                    tile);
            return Tiling.exact(tile);
        }
        long available = ProcessMemory.availableBytes();
        if (whole + output <= available) {
            return null;
        }
        int tile =
                Math.max(
                        1,
                        cost.largestTile(
                                batch,
                                height,
                                width,
                                (available - Math.min(available, output)) / 2));
        LOG.info(
                "a {}x{} image needs about {} for whole-image inference and {} is available: running in exact tiles "
                        + "of {} LR pixels (same output, more time)",
                height,
                width,
                bytes(whole),
                bytes(available),
                tile);
        return Tiling.exact(tile);
    }

    private static String bytes(long n) {
        return n >= 1L << 30
                ? String.format(java.util.Locale.ROOT, "%.2f GiB", n / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.0f MiB", n / (double) (1L << 20));
    }

    /**
     * As {@link #upscale(Tensor, boolean)}, in tiles of {@code tiling} (null: the whole image at
     * once). A tile covering the whole input gives exactly the whole-image output.
     */
    public Tensor upscale(Tensor lr, boolean selfEnsemble, Tiling tiling) {
        return upscale(lr, selfEnsemble, tiling, TileProgress.NONE);
    }

    /**
     * As {@link #upscale(Tensor, boolean, Tiling)}, telling {@code progress} after each tile (not
     * called for whole-image inference).
     */
    public Tensor upscale(Tensor lr, boolean selfEnsemble, Tiling tiling, TileProgress progress) {
        java.util.Objects.requireNonNull(progress, "progress");
        requireUsable();
        new SrgrnSpec(config)
                .outputShape(lr.shape()); // the backends' own shape check, before any tile is cut
        FiniteValues.requireInput(lr);
        Tensor out;
        if (tiling == null || tiling.coversWhole(lr.dim(2), lr.dim(3))) {
            out = ensemble(lr, selfEnsemble, module::forward);
        } else if (tiling.mode() == Tiling.Mode.FAST) {
            out =
                    TiledForward.run(
                            lr,
                            config.scale(),
                            tiling,
                            t -> ensemble(t, selfEnsemble, module::forward),
                            progress);
        } else {
            out = upscaleExact(lr, selfEnsemble, tiling.tile(), progress);
        }
        FiniteValues.requireOutput(out);
        clamp(out.data());
        return out;
    }

    /**
     * Exact tiles ({@link ExactTiledForward}) of the current weights; with a memory budget,
     * features never stay on the heap between passes ({@link Retention#HOST} becomes {@link
     * Retention#SPILL}).
     */
    private Tensor upscaleExact(Tensor lr, boolean selfEnsemble, int tile, TileProgress progress) {
        return withExact(
                tile,
                exact -> {
                    Runnable tick =
                            ticker(
                                    progress,
                                    exact.tileRuns(lr.dim(2), lr.dim(3))
                                            * (selfEnsemble ? Dihedral.values().length : 1));
                    return ensemble(lr, selfEnsemble, x -> exact.forward(x, tick));
                });
    }

    /**
     * Runs {@code body} on exact tiles ({@link ExactTiledForward}) of the current weights, one
     * caller at a time; with a memory budget, features never stay on the heap between passes
     * ({@link Retention#HOST} becomes {@link Retention#SPILL}).
     */
    private <T> T withExact(int tile, java.util.function.Function<ExactTiledForward, T> body) {
        Retention kept =
                memoryBudget > 0 && retention == Retention.HOST ? Retention.SPILL : retention;
        exactLock.lock();
        try (ExactTiledForward exact =
                new ExactTiledForward(context, config, module.parameters(), tile, kept, null)) {
            return body.apply(exact);
        } finally {
            exactLock.unlock();
        }
    }

    /** Tells {@code progress} of one more of {@code total} tiles each time it runs. */
    private static Runnable ticker(TileProgress progress, long total) {
        long[] done = {0};
        return () -> progress.update(++done[0], total);
    }

    /** Refuses untrained weights unless asked for, and warns once when they run. */
    private void requireUsable() {
        if (!trained && !untrainedAllowed) {
            throw new IllegalStateException(
                    "SRGRN x"
                            + config.scale()
                            + " has no trained weights: no weights file or "
                            + "model name was given and no shipped model matches "
                            + config
                            + " (shipped: "
                            + Models.describeAvailable()
                            + "). Pass Srgrn.builder().weights(file) or .model(name), or .untrained() to run the random "
                            + "initialisation deliberately");
        }
        if (!trained && !warnedUntrained) {
            warnedUntrained = true;
            LOG.warn(
                    "SRGRN x{} runs with untrained weights (random initialisation), as asked: its output is not a "
                            + "super-resolved image",
                    config.scale());
        }
    }

    /** {@code forward} on {@code lr}, optionally self-ensembled; not clamped. */
    private static Tensor ensemble(Tensor lr, boolean selfEnsemble, UnaryOperator<Tensor> forward) {
        if (!selfEnsemble) {
            return forward.apply(lr);
        }
        Tensor out = null;
        for (Dihedral t : Dihedral.values()) {
            Tensor y =
                    ImageTensors.transform(
                            forward.apply(ImageTensors.transform(lr, t)), t.inverse());
            if (out == null) {
                out = y;
            } else {
                float[] acc = out.data();
                float[] add = y.data();
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += add[i];
                }
            }
        }
        float[] acc = out.data();
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= Dihedral.values().length;
        }
        return out;
    }

    /** The tiling {@link #upscale(Tensor, boolean)} uses; null for whole-image inference. */
    public Tiling tiling() {
        return tiling;
    }

    /**
     * Super-resolves a decoded image, keeping what the network does not model: a grey image is
     * replicated to RGB for an RGB model and averaged back to grey afterwards; alpha is upscaled
     * with MATLAB bicubic (clamped to [0, 1]); the bit depth is carried to the result.
     */
    public DecodedImage upscale(DecodedImage image, boolean selfEnsemble) {
        PlanarImage color = image.color();
        return upscale(
                image, selfEnsemble, tilingFor(1, color.height(), color.width(), selfEnsemble));
    }

    /**
     * As {@link #upscale(DecodedImage, boolean)}, in tiles of {@code tiling} (null: whole image).
     */
    public DecodedImage upscale(DecodedImage image, boolean selfEnsemble, Tiling tiling) {
        return upscale(image, selfEnsemble, tiling, TileProgress.NONE);
    }

    /**
     * As {@link #upscale(DecodedImage, boolean, Tiling)}, telling {@code progress} after each tile.
     */
    public DecodedImage upscale(
            DecodedImage image, boolean selfEnsemble, Tiling tiling, TileProgress progress) {
        boolean grey = image.color().channels() == 1;
        PlanarImage sr =
                ImageTensors.toImage(
                        upscale(
                                ImageTensors.toTensor(modelInput(image)),
                                selfEnsemble,
                                tiling,
                                progress));
        if (grey && sr.channels() == 3) {
            sr = averageChannels(sr);
        }
        return new DecodedImage(
                sr, image.hasAlpha() ? upscaleAlpha(image.alpha()) : null, image.bitDepth());
    }

    /**
     * As {@link #upscale(DecodedImage, boolean)}, straight into an image of {@code bitDepth} (8 or
     * 16) bits ready for ImageIO ({@link ImageFiles#write(Path, BufferedImage)}), in the tiles
     * {@link #tilingFor(DecodedImage, boolean, int)} chooses: the same samples as quantising that
     * method's result. In fast tiles, and in exact tiles without self-ensemble, every output tile
     * is quantised as soon as it is computed, so the float output (12 bytes per output pixel of RGB
     * against 3 at 8 bits) is never held; otherwise the float output is made first.
     */
    public BufferedImage upscaleToImage(
            DecodedImage image, boolean selfEnsemble, TileProgress progress, int bitDepth) {
        return upscaleToImage(
                image, selfEnsemble, tilingFor(image, selfEnsemble, bitDepth), progress, bitDepth);
    }

    /**
     * As {@link #upscaleToImage(DecodedImage, boolean, TileProgress, int)}, in tiles of {@code
     * tiling} (null: whole image).
     */
    public BufferedImage upscaleToImage(
            DecodedImage image,
            boolean selfEnsemble,
            Tiling tiling,
            TileProgress progress,
            int bitDepth) {
        java.util.Objects.requireNonNull(progress, "progress");
        PlanarImage color = image.color();
        // Fast tiles run the ensemble per tile, so their cores are final even with it; exact
        // tiles run it over whole passes.
        boolean streamed =
                tiling != null
                        && !tiling.coversWhole(color.height(), color.width())
                        && (tiling.mode() == Tiling.Mode.FAST || !selfEnsemble);
        if (!streamed) {
            return ImageFiles.toBufferedImage(
                    upscale(image, selfEnsemble, tiling, progress).withBitDepth(bitDepth));
        }
        requireUsable();
        Tensor lr = ImageTensors.toTensor(modelInput(image));
        FiniteValues.requireInput(lr);
        boolean grey = color.channels() == 1 && config.outChannels() == 3;
        int s = config.scale();
        QuantizedImage out =
                new QuantizedImage(
                        s * color.height(),
                        s * color.width(),
                        grey ? 1 : config.outChannels(),
                        image.hasAlpha(),
                        bitDepth);
        OutputTiles quantise =
                (y0, x0, tile) -> {
                    // the checks and clamp upscale(Tensor) makes on the whole output
                    FiniteValues.requireOutput(tile);
                    clamp(tile.data());
                    PlanarImage sr = ImageTensors.toImage(tile);
                    out.putColor(y0, x0, grey ? averageChannels(sr) : sr);
                };
        if (tiling.mode() == Tiling.Mode.FAST) {
            TiledForward.stream(
                    lr,
                    s,
                    tiling,
                    t -> ensemble(t, selfEnsemble, module::forward),
                    progress,
                    quantise);
        } else {
            withExact(
                    tiling.tile(),
                    exact -> {
                        Runnable tick = ticker(progress, exact.tileRuns(lr.dim(2), lr.dim(3)));
                        exact.forward(lr, quantise, tick);
                        return null;
                    });
        }
        if (image.hasAlpha()) {
            out.putAlpha(0, 0, upscaleAlpha(image.alpha()));
        }
        return out.image();
    }

    /** The colour planes as the network takes them: grey replicated to RGB for an RGB model. */
    private PlanarImage modelInput(DecodedImage image) {
        PlanarImage color = image.color();
        if (color.channels() == config.inChannels()) {
            return color;
        }
        if (color.channels() == 1 && config.inChannels() == 3) {
            return color.replicate(3);
        }
        throw new ShapeMismatchException(
                "this SRGRN takes "
                        + config.inChannels()
                        + "-channel images, the image has "
                        + color.channels()
                        + " colour channel(s)");
    }

    /** Alpha is not the network's: MATLAB bicubic, clamped to [0, 1]. */
    private PlanarImage upscaleAlpha(PlanarImage alpha) {
        PlanarImage out = MatlabBicubic.resize(alpha, config.scale());
        clamp(out.data());
        return out;
    }

    /** Clamps to [0, 1] in place (SPEC 3.5: inference clamps). */
    private static void clamp(float[] d) {
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.min(1f, Math.max(0f, d[i]));
        }
    }

    /**
     * Super-resolves an AWT image (grey, RGB or with alpha) into one of the same kind, tiled as
     * {@link #tilingFor(DecodedImage, boolean, int)} chooses.
     */
    public BufferedImage upscale(BufferedImage image) {
        DecodedImage in = ImageFiles.fromBufferedImage(image);
        // a large image in exact tiles goes straight into the result, as for the command line
        return upscaleToImage(in, false, TileProgress.NONE, in.bitDepth());
    }

    private static PlanarImage averageChannels(PlanarImage rgb) {
        int n = rgb.planeSize();
        float[] d = rgb.data();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (d[i] + d[n + i] + d[2 * n + i]) / 3f;
        }
        return new PlanarImage(1, rgb.height(), rgb.width(), out);
    }

    /** Writes the weights with SPEC metadata (atomic). */
    public void save(Path file) {
        save(file, Map.of());
    }

    /**
     * Writes the weights with SPEC metadata plus {@code extraMetadata} (e.g. training provenance).
     */
    public void save(Path file, Map<String, String> extraMetadata) {
        WeightsFile.save(file, config, module.parameters(), extraMetadata);
    }

    /** Replaces the weights with a file's; its config must equal this model's. All-or-nothing. */
    public void load(Path file) {
        SrgrnWeights weights = WeightsFile.load(file);
        if (!weights.config().equals(config)) {
            throw new IllegalArgumentException(
                    file
                            + " holds weights for "
                            + weights.config()
                            + " but this model is "
                            + config);
        }
        module.setParameters(weights.parameters());
        trained = true;
    }

    /** A trainer for this model (SPEC 5); once it has trained, the weights count as trained. */
    public Trainer trainer(TrainingSettings settings) {
        return new Trainer(module, config, settings)
                .addListener(
                        new io.srgrn.api.train.TrainingListener() {
                            @Override
                            public void onStep(StepEvent event) {
                                trained = true;
                            }
                        });
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Builds an {@link Srgrn}; every setting has a default (paper x4, best backend, its first
     * device).
     */
    public static final class Builder {
        private Integer scale;
        private SrgrnConfig config;
        private String preset;
        private String backend;
        private Device device;
        private int threads;
        private long seed = 0;
        private Path weights;
        private String model;
        private String degradation;
        private boolean untrained;
        private Tiling tiling;
        private long memoryBudget;
        private Retention retention = DEFAULT_RETENTION;

        private Builder() {}

        /**
         * Upscaling factor 2, 3 or 4 (default 4) of the paper config or of the {@link #preset};
         * with an explicit {@link #config} or {@link #weights} it must agree with theirs. Order of
         * calls does not matter.
         */
        public Builder scale(int value) {
            this.scale = value;
            return this;
        }

        /** An explicit config; replaces a {@link #preset}. */
        public Builder config(SrgrnConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            this.preset = null;
            return this;
        }

        /**
         * A preset by name ({@code paper} or {@code compact}) at the builder's {@link #scale};
         * replaces a {@link #config}.
         */
        public Builder preset(String name) {
            SrgrnConfig.preset(name, 4); // an unknown name fails here, where it was given
            this.preset = name;
            this.config = null;
            return this;
        }

        /**
         * Backend name; default: {@code srgrn.backend}, {@code SRGRN_BACKEND}, else the best
         * available.
         */
        public Builder backend(String name) {
            this.backend = name;
            return this;
        }

        public Builder device(Device value) {
            this.device = value;
            return this;
        }

        /** {@code cpu}, {@code cuda} or {@code cuda:N}. */
        public Builder device(String value) {
            this.device = Device.parse(value);
            return this;
        }

        /** Intra-op CPU threads; 0 (default) lets the backend choose. */
        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        /** Seed of the random initialisation when no weights are given. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Weights file; the config comes from it (a scale set here must agree). */
        public Builder weights(Path file) {
            this.weights = file;
            return this;
        }

        /** A shipped model by name ({@link Models#available()}); the config comes from it. */
        public Builder model(String name) {
            this.model = Objects.requireNonNull(name, "model");
            return this;
        }

        /**
         * Which shipped default to load for the scale: {@code BI} (bicubic downscaling, what {@code
         * build()} loads without this), {@code BD} (blurred, then downscaled) or {@code DN} (noise
         * added), any case; the paper trains one model per degradation (its Tables 2 to 4). With no
         * shipped model for that scale and degradation, {@code build()} says so.
         */
        public Builder degradation(String name) {
            this.degradation =
                    Models.degradationName(Objects.requireNonNull(name, "degradation"))
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "degradation '"
                                                            + name
                                                            + "': expected BI, BD or DN"));
            return this;
        }

        /**
         * Keep the seeded random initialisation even for inference (tests, timing, a model about to
         * be trained): without it, a model with no trained weights refuses to upscale.
         */
        public Builder untrained() {
            this.untrained = true;
            return this;
        }

        /**
         * Upscale large images in tiles (bounded memory, see {@link Tiling} for what changes);
         * default null: whole images at once, as in the paper.
         */
        public Builder tiling(Tiling value) {
            this.tiling = value;
            return this;
        }

        /**
         * Bound the process's memory during inference to about {@code bytes}: an image whose
         * whole-image inference would not fit runs in the largest exact tiles ({@link
         * Tiling#exact}) that do, sized from the network's per-pixel cost ({@link MemoryCost})
         * after what the process already holds and the output; too small a budget fails with a
         * {@link SrgrnException} saying what it would take. Cannot be combined with {@link
         * #tiling}.
         *
         * <p>Not a hard limit: the count covers the network's tensors and their host copies in
         * exact tiles, and the output; not the allocator's and the heap's slack, nor a collector
         * that grows the heap well past what is live (G1 does: run large images with {@code
         * -XX:+UseSerialGC}, as the command line does). So that freed tile memory goes back to the
         * system, {@link #build} fixes glibc's mmap threshold ({@link NativeHeapDefaults},
         * process-wide). Measured (docs/RESULTS.md, "glibc's heaps"): 0.92 GiB peak for a 1 GiB
         * budget at 1000x1000, x4, with {@link Srgrn#upscaleToImage} and that threshold, 1.29 GiB
         * without.
         */
        public Builder memoryBudget(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException(
                        "memory budget must be positive, got " + bytes + " bytes");
            }
            this.memoryBudget = bytes;
            return this;
        }

        /**
         * How exact tiling keeps a stage's features between its passes (default {@link
         * Srgrn#DEFAULT_RETENTION}; docs/RESULTS.md has the measured trade-off).
         */
        public Builder featureRetention(Retention value) {
            this.retention = Objects.requireNonNull(value, "retention");
            return this;
        }

        public Srgrn build() {
            if (tiling != null && memoryBudget > 0) {
                throw new IllegalArgumentException(
                        "both tiling("
                                + tiling
                                + ") and memoryBudget("
                                + memoryBudget
                                + ") were given: a budget chooses the tiles itself, choose one");
            }
            if (weights != null && model != null) {
                throw new IllegalArgumentException(
                        "both weights("
                                + weights
                                + ") and model("
                                + model
                                + ") were given: choose one");
            }
            if (degradation != null
                    && (weights != null
                            || model != null
                            || untrained
                            || config != null
                            || preset != null)) {
                throw new IllegalArgumentException(
                        "degradation("
                                + degradation
                                + ") picks the shipped default model, but weights, a model name, "
                                + "a config, a preset or untrained() was given as well: choose one");
            }
            if (degradation != null && shippedDefault().isEmpty()) {
                throw new IllegalArgumentException(
                        "no shipped "
                                + degradation
                                + " x"
                                + (scale == null ? 4 : scale)
                                + " model (shipped: "
                                + Models.describeAvailable()
                                + ")");
            }
            String source =
                    weights != null
                            ? weights.toString()
                            : model != null
                                    ? model
                                    : untrained
                                            ? null
                                            : shippedDefault().map(ModelInfo::name).orElse(null);
            SrgrnWeights loaded =
                    weights != null
                            ? WeightsFile.load(weights)
                            : source != null ? Models.load(source) : null;
            SrgrnConfig cfg = resolveConfig(loaded, source);
            Map<String, Tensor> params =
                    loaded != null
                            ? loaded.parameters()
                            : Initializer.initialize(new SrgrnSpec(cfg), seed);
            if (memoryBudget > 0) {
                NativeHeapDefaults.apply();
            }
            Backend chosen = Backends.select(backend);
            Device dev = device != null ? device : chosen.devices().get(0);
            if (!chosen.devices().contains(dev)) {
                // The backend's own reason (no driver, no CUDA natives, ...): the list of devices
                // alone hides it.
                Availability why = chosen.availability(dev);
                throw new IllegalArgumentException(
                        "backend '"
                                + chosen.name()
                                + "' cannot use device "
                                + dev
                                + ": "
                                + (why.available() ? "it is not among its devices" : why.reason())
                                + "; it offers "
                                + chosen.devices());
            }
            BackendContext context = chosen.open(dev, new BackendOptions(threads));
            try {
                Module module = context.compile(new SrgrnSpec(cfg), params);
                LOG.info("SRGRN x{} on backend '{}', device {}", cfg.scale(), chosen.name(), dev);
                return new Srgrn(
                        cfg, context, module, tiling, memoryBudget, retention, source, untrained);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }

        /**
         * The shipped default model for the requested scale and degradation (BI unless {@link
         * #degradation} says otherwise), looked up only when no config or preset was set: a caller
         * who sets one (to train it, say) gets its seeded initialisation, never a shipped model's
         * weights in its place.
         */
        private java.util.Optional<ModelInfo> shippedDefault() {
            return config != null || preset != null
                    ? java.util.Optional.empty()
                    : Models.defaultFor(
                            scale == null ? 4 : scale, degradation == null ? "BI" : degradation);
        }

        private SrgrnConfig resolveConfig(SrgrnWeights loaded, String source) {
            SrgrnConfig requested = config;
            if (preset != null) {
                requested = SrgrnConfig.preset(preset, scale == null ? 4 : scale);
            } else if (config != null && scale != null && scale != config.scale()) {
                throw new IllegalArgumentException(
                        "scale " + scale + " was requested but the config is x" + config.scale());
            }
            if (loaded == null) {
                return requested != null ? requested : SrgrnConfig.paper(scale == null ? 4 : scale);
            }
            SrgrnConfig config = requested;
            SrgrnConfig fromFile = loaded.config();
            if (scale != null && scale != fromFile.scale()) {
                throw new IllegalArgumentException(
                        "scale "
                                + scale
                                + " was requested but "
                                + source
                                + " holds an x"
                                + fromFile.scale()
                                + " model");
            }
            if (config != null && !config.equals(fromFile)) {
                throw new IllegalArgumentException(
                        "config " + config + " was requested but " + source + " holds " + fromFile);
            }
            return fromFile;
        }
    }
}
