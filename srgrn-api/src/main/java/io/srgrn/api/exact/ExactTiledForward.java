package io.srgrn.api.exact;

import io.srgrn.api.OutputTiles;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRGRN's forward pass in tiles that gives the whole-image output (within float rounding) for any
 * tile size, with native memory set by the tile rather than the image.
 *
 * <p>The network is a chain of stages: the RDN trunk, one GRUM per x2 (or x3) step and GRRB. The
 * convolutional parts are local, so each runs per tile on a window widened by its receptive field
 * ({@link LocalStage#halo()}). GRUM and GRRB each have one global step, the node aggregation {@code
 * P @ X^T} over every pixel of their input; it is a sum, so a first pass over the stage's input
 * accumulates it tile by tile ({@link GraphHead#accumulate}), the node states are finished once,
 * and a second pass distributes them per tile like any local stage. Between passes a stage's input
 * is recomputed, kept on the heap or spilled to a temporary file ({@link Retention}).
 *
 * <p>Every backend runs it unchanged: the pieces are compiled through the SPI from the specs of the
 * network's own children (the RDN, and the Conv2d children of GRUM and GRRB), with their parameters
 * under the SPEC names; the node states, softmax, pixel shuffle and blends are small per-pixel host
 * arithmetic. Holds native memory (the compiled pieces): close it.
 */
public final class ExactTiledForward implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExactTiledForward.class);

    private final SrgrnConfig config;
    private final int tile;
    private final Retention retention;
    private final Path spillDirectory;
    private final TrunkStage trunk;
    private final List<GrumStage> grums = new ArrayList<>();
    private final GrrbStage grrb;

    /**
     * @param context the backend that compiles the pieces
     * @param config the network
     * @param parameters its parameters under SPEC names (e.g. {@code Module.parameters()} of the
     *     whole network)
     * @param tile largest tile side in LR pixels (>= 1); each later stage uses the same LR
     *     footprint
     * @param retention how stage outputs survive between passes
     * @param spillDirectory where {@link Retention#SPILL} writes its temporary files; null: the
     *     system's temp directory
     */
    public ExactTiledForward(
            BackendContext context,
            SrgrnConfig config,
            Map<String, Tensor> parameters,
            int tile,
            Retention retention,
            Path spillDirectory) {
        if (tile < 1) {
            throw new IllegalArgumentException(
                    "exact tiles need at least 1 LR pixel a side, got " + tile);
        }
        this.config = Objects.requireNonNull(config, "config");
        this.tile = tile;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.spillDirectory = spillDirectory;
        SrgrnSpec spec = new SrgrnSpec(config);
        StageParameters params = new StageParameters(parameters);
        TrunkStage t = new TrunkStage(context, spec.rdn(), params);
        try {
            for (Child<GrumSpec> child : spec.upsample()) {
                grums.add(new GrumStage(context, child, params));
            }
            this.grrb = new GrrbStage(context, spec.grrb(), params);
        } catch (RuntimeException e) {
            t.close();
            grums.forEach(GrumStage::close);
            throw e;
        }
        this.trunk = t;
    }

    /** Receptive-field radius of the RDN trunk in LR pixels: the halo of each trunk tile. */
    public static int trunkHalo(SrgrnConfig config) {
        return TrunkStage.receptiveRadius(new SrgrnSpec(config).rdn());
    }

    public int tile() {
        return tile;
    }

    public Retention retention() {
        return retention;
    }

    /**
     * The tile runs {@link #forward(Tensor, Runnable)} makes on an input of {@code height x width}
     * LR pixels: every pass covers the same grid of LR footprints; there is one pass per global
     * stage's pooling and one for the output, plus, unless recomputed, one per kept stage.
     */
    public long tileRuns(int height, int width) {
        long perPass = (long) ((height + tile - 1) / tile) * ((width + tile - 1) / tile);
        boolean kept = retention != Retention.RECOMPUTE;
        long passes = 1 + (kept ? 1 : 0) + (grrb.head() == null ? 0 : 1);
        for (GrumStage grum : grums) {
            passes += (grum.head() == null ? 0 : 1) + (kept ? 1 : 0);
        }
        return perPass * passes;
    }

    /**
     * The network on {@code lr} (B, in, h, w), not clamped: equal to the whole-image forward within
     * float rounding.
     */
    public Tensor forward(Tensor lr) {
        return forward(lr, () -> {});
    }

    /**
     * As {@link #forward(Tensor)}, calling {@code afterTile} after each of its {@link #tileRuns}
     * tile runs.
     */
    public Tensor forward(Tensor lr, Runnable afterTile) {
        SrgrnSpec spec = new SrgrnSpec(config);
        int[] shape = spec.outputShape(lr.shape());
        Tensor out = Tensor.zeros(shape);
        forward(lr, (y0, x0, tile) -> Windows.paste(tile, out, y0, x0), afterTile);
        return out;
    }

    /**
     * As {@link #forward(Tensor, Runnable)}, handing each output tile to {@code out} as soon as it
     * is computed instead of assembling the output: what lets a caller write an image larger than
     * its float output could be held.
     */
    public void forward(Tensor lr, OutputTiles out, Runnable afterTile) {
        new SrgrnSpec(config).outputShape(lr.shape());
        List<FeatureStore> stores = new ArrayList<>();
        try {
            int lrHeight = lr.dim(2);
            FeatureSource features =
                    keep(new LazySource(new HostStore(lr), trunk), lrHeight, stores, afterTile);
            for (GrumStage grum : grums) {
                double[][][] states =
                        grum.head() == null
                                ? null
                                : pool(features, grum.head(), lrHeight, afterTile);
                features =
                        keep(
                                new LazySource(features, grum.local(states)),
                                lrHeight,
                                stores,
                                afterTile);
            }
            double[][][] states =
                    grrb.head() == null ? null : pool(features, grrb.head(), lrHeight, afterTile);
            LazySource image = new LazySource(features, grrb.local(states));
            fill(image, (r, tile) -> out.accept(r.y0(), r.x0(), tile), lrHeight, afterTile);
        } finally {
            stores.forEach(FeatureStore::close);
        }
    }

    /** The tile side in the pixels of {@code source}, whose LR footprint is {@link #tile}. */
    private int tileOf(FeatureSource source, int lrHeight) {
        return tile * (source.height() / lrHeight);
    }

    /** The first pass of a global stage: its node states from sums over every tile of its input. */
    private double[][][] pool(
            FeatureSource input, GraphHead head, int lrHeight, Runnable afterTile) {
        double[][][] sums = head.emptySums(input.batch());
        List<Region> tiles = TileGrid.of(input.height(), input.width(), tileOf(input, lrHeight));
        for (Region r : tiles) {
            head.accumulate(sums, input.read(r));
            afterTile.run();
        }
        LOG.debug(
                "pooled node states over {} tiles of a {}x{} map",
                tiles.size(),
                input.height(),
                input.width());
        return head.nodeStates(sums, (long) input.height() * input.width());
    }

    /**
     * {@code source} itself for RECOMPUTE; else a store holding all of it, computed tile by tile.
     */
    private FeatureSource keep(
            FeatureSource source, int lrHeight, List<FeatureStore> stores, Runnable afterTile) {
        if (retention == Retention.RECOMPUTE) {
            return source;
        }
        FeatureStore store =
                retention == Retention.HOST
                        ? HostStore.zeros(
                                source.batch(), source.channels(), source.height(), source.width())
                        : new SpillStore(
                                source.batch(),
                                source.channels(),
                                source.height(),
                                source.width(),
                                spillDirectory);
        stores.add(store);
        fill(source, store::write, lrHeight, afterTile);
        return store;
    }

    /** Computes {@code source} tile by tile into {@code into}. */
    private void fill(
            FeatureSource source,
            BiConsumer<Region, Tensor> into,
            int lrHeight,
            Runnable afterTile) {
        for (Region r : TileGrid.of(source.height(), source.width(), tileOf(source, lrHeight))) {
            into.accept(r, source.read(r));
            afterTile.run();
        }
    }

    @Override
    public void close() {
        trunk.close();
        grums.forEach(GrumStage::close);
        grrb.close();
    }
}
