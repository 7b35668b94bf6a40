package io.srgrn.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.config.NodeAggregation;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.exact.ExactTiledForward;
import io.srgrn.api.exact.Retention;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.PlanarImage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact tiled inference ({@link ExactTiledForward}) on the backend under test equals the backend's
 * own whole-image forward of the same network, for every tile size down to one LR pixel: odd and
 * non-square images, x2, x3 and x4, MEAN and SUM, grey and RGB, batch 2, the ablations, and each
 * {@link Retention}. Gammas are non-zero ({@link SeededTensors}), so the global node states reach
 * the output; a tile that pooled only over itself would be off by far more than the tolerance. Both
 * tilings' streaming into an 8- or 16-bit image is checked as well: exact tiles and fast ones
 * (independent tiles with an overlap of context) write the very samples their float result
 * quantises to.
 */
public abstract class TilingConformanceKit extends BackendConformanceKit {
    static final String TILING_CASES = "io.srgrn.tck.TilingConformanceKit#tilingCases";

    /** One network, input shape, tile side and retention. */
    public record TilingCase(
            String name,
            SrgrnConfig config,
            int[] inputShape,
            int tile,
            Retention retention,
            long seed) {
        @Override
        public String toString() {
            return name + " " + Arrays.toString(inputShape) + " tile " + tile + " " + retention;
        }
    }

    static List<TilingCase> tilingCases() {
        NodeAggregation mean = NodeAggregation.MEAN;
        NodeAggregation sum = NodeAggregation.SUM;
        SrgrnConfig x2 = ConformanceCases.tinyConfig(2, 3, mean, true, true);
        SrgrnConfig x3grey = ConformanceCases.tinyConfig(3, 1, sum, true, true);
        SrgrnConfig x4 = ConformanceCases.tinyConfig(4, 3, mean, true, true);
        SrgrnConfig x4sum = ConformanceCases.tinyConfig(4, 3, sum, true, true);
        SrgrnConfig x4noGrrb = ConformanceCases.tinyConfig(4, 1, mean, true, false);
        SrgrnConfig x2plain = ConformanceCases.tinyConfig(2, 3, mean, false, false);
        // one-pixel tiles make many small backend calls (slow on DJL): they run on the smallest
        // images
        return List.of(
                new TilingCase(
                        "SRGRN x2 MEAN", x2, new int[] {2, 3, 5, 3}, 1, Retention.RECOMPUTE, 41),
                new TilingCase("SRGRN x2 MEAN", x2, new int[] {2, 3, 11, 9}, 4, Retention.HOST, 42),
                new TilingCase(
                        "SRGRN x2 MEAN", x2, new int[] {2, 3, 11, 9}, 5, Retention.SPILL, 43),
                new TilingCase(
                        "SRGRN x3 SUM grey",
                        x3grey,
                        new int[] {1, 1, 7, 10},
                        4,
                        Retention.RECOMPUTE,
                        44),
                new TilingCase(
                        "SRGRN x3 SUM grey",
                        x3grey,
                        new int[] {1, 1, 7, 10},
                        2,
                        Retention.SPILL,
                        45),
                new TilingCase("SRGRN x4 MEAN", x4, new int[] {1, 3, 5, 4}, 2, Retention.HOST, 46),
                new TilingCase(
                        "SRGRN x4 MEAN", x4, new int[] {1, 3, 7, 6}, 4, Retention.RECOMPUTE, 47),
                new TilingCase(
                        "SRGRN x4 SUM", x4sum, new int[] {1, 3, 7, 8}, 3, Retention.SPILL, 48),
                new TilingCase(
                        "SRGRN x4 SUM", x4sum, new int[] {1, 3, 7, 8}, 100, Retention.HOST, 49),
                new TilingCase(
                        "SRGRN x4 no GRRB grey",
                        x4noGrrb,
                        new int[] {2, 1, 6, 5},
                        3,
                        Retention.SPILL,
                        50),
                new TilingCase(
                        "SRGRN x2 no GRUM no GRRB",
                        x2plain,
                        new int[] {1, 3, 8, 9},
                        3,
                        Retention.RECOMPUTE,
                        51));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TILING_CASES)
    void exactTilesEqualTheWholeImage(TilingCase c, TestReporter reporter) {
        SrgrnSpec spec = new SrgrnSpec(c.config());
        Map<String, Tensor> params = SeededTensors.parameters(spec, c.seed());
        Tensor lr = Tensor.uniform(new SplittableRandom(c.seed() + 1), 0, 1, c.inputShape());
        Tensor whole;
        try (Module m = compile(spec, params)) {
            whole = m.forward(lr);
        }
        Tensor tiled;
        try (ExactTiledForward exact =
                new ExactTiledForward(
                        context(), c.config(), params, c.tile(), c.retention(), null)) {
            tiled = exact.forward(lr);
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(tiled.shape()).as("%s: output shape", c).isEqualTo(whole.shape());
        if (Arrays.equals(tiled.shape(), whole.shape())) {
            record(
                    reporter,
                    "exact tiles",
                    c.toString(),
                    "output vs whole image",
                    RelativeError.of(tiled, whole),
                    tolerances().output(),
                    soft);
        }
        soft.assertAll();
    }

    /**
     * The control that makes the check above mean something: on these cases the reasoning branches
     * move the whole-image output by far more than the tolerance, so node states pooled over the
     * wrong pixels (one tile instead of the image, HW of the tile for MEAN) could not pass.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource(TILING_CASES)
    void reasoningMovesTheOutputFarMoreThanTheTolerance(TilingCase c) {
        assumeTrue(c.config().grum() || c.config().grrb(), "no reasoning to switch off");
        assumeTrue(c.retention() == Retention.SPILL, "once per network is enough");
        SrgrnSpec spec = new SrgrnSpec(c.config());
        Map<String, Tensor> params = SeededTensors.parameters(spec, c.seed());
        Map<String, Tensor> noReasoning = new LinkedHashMap<>(params);
        noReasoning.replaceAll((name, t) -> name.endsWith(".gamma") ? Tensor.scalar(0) : t);
        Tensor lr = Tensor.uniform(new SplittableRandom(c.seed() + 1), 0, 1, c.inputShape());
        try (Module m = compile(spec, params);
                Module plain = compile(spec, noReasoning)) {
            org.assertj.core.api.Assertions.assertThat(
                            RelativeError.of(plain.forward(lr), m.forward(lr)))
                    .as("%s: relative change of the output when the gammas are 0", c)
                    .isGreaterThan(100 * tolerances().output());
        }
    }

    /**
     * Through the facade, on this backend: self-ensemble in exact tiles equals self-ensemble on the
     * whole image, and a grey 16-bit image with alpha comes back as the whole-image run gives it
     * (grey kept, alpha upscaled, bit depth carried).
     */
    @Test
    void facadeGivesTheWholeImageResultInExactTiles(TestReporter reporter) {
        SrgrnConfig config = ConformanceCases.tinyConfig(2, 3, NodeAggregation.MEAN, true, true);
        SoftAssertions soft = new SoftAssertions();
        try (Srgrn sr = seededFacade(config, 61, Retention.SPILL)) {
            Tensor lr = Tensor.uniform(new SplittableRandom(62), 0, 1, new int[] {1, 3, 5, 4});
            Tensor whole = sr.upscale(lr, true, null);
            List<long[]> progress = new ArrayList<>();
            Tensor tiled =
                    sr.upscale(
                            lr,
                            true,
                            Tiling.exact(3),
                            (done, total) -> progress.add(new long[] {done, total}));
            // 8 transforms x a 2x2 grid x 5 passes (spilled trunk, GRUM pooling, spilled GRUM,
            // GRRB pooling, output), counted one by one
            soft.assertThat(progress).as("tile progress updates").hasSize(160);
            for (int i = 0; i < progress.size(); i++) {
                soft.assertThat(progress.get(i)).as("update %d", i).containsExactly(i + 1, 160);
            }
            record(
                    reporter,
                    "exact tiles, facade",
                    "self-ensemble x2 5x4 tile 3",
                    "output vs whole image",
                    RelativeError.of(tiled, whole),
                    tolerances().output(),
                    soft);

            float[] grey = Tensor.uniform(new SplittableRandom(63), 0, 1, new int[] {5 * 6}).data();
            float[] alpha =
                    Tensor.uniform(new SplittableRandom(64), 0, 1, new int[] {5 * 6}).data();
            DecodedImage image =
                    new DecodedImage(
                            new PlanarImage(1, 5, 6, grey), new PlanarImage(1, 5, 6, alpha), 16);
            DecodedImage a = sr.upscale(image, false, null);
            DecodedImage b = sr.upscale(image, false, Tiling.exact(2));
            soft.assertThat(b.color().channels()).as("grey stays grey").isEqualTo(1);
            soft.assertThat(b.bitDepth()).as("bit depth carried").isEqualTo(16);
            soft.assertThat(b.alpha()).as("alpha kept").isNotNull();
            if (b.alpha() != null) {
                soft.assertThat(b.alpha().data())
                        .as("alpha as for the whole image")
                        .isEqualTo(a.alpha().data());
            }
            record(
                    reporter,
                    "exact tiles, facade",
                    "grey 16-bit with alpha x2 5x6 tile 2",
                    "colour vs whole image",
                    RelativeError.of(
                            Tensor.of(b.color().data(), b.color().data().length),
                            Tensor.of(a.color().data(), a.color().data().length)),
                    tolerances().output(),
                    soft);
        }
        soft.assertAll();
    }

    /**
     * Tiles written straight into an 8- or 16-bit image ({@code Srgrn.upscaleToImage}, what the
     * command line writes) hold the very samples of the float result quantised afterwards: RGB at 8
     * bits, and grey at 16 bits with alpha, on tiles that do not divide the image; exact tiles, and
     * fast ones with and without self-ensemble (which they run per tile).
     */
    @Test
    void quantisedTilesEqualTheQuantisedFloatResult() {
        SrgrnConfig config = ConformanceCases.tinyConfig(3, 3, NodeAggregation.MEAN, true, true);
        SoftAssertions soft = new SoftAssertions();
        try (Srgrn sr = seededFacade(config, 71, Srgrn.DEFAULT_RETENTION)) {
            Tiling exact = Tiling.exact(3);
            // fast tiles are at least MIN_TILE: larger images, cut into 2 x 2 tiles
            int f = Tiling.MIN_TILE;
            Tiling fast = new Tiling(f, 1);
            assertStreamedEqualsQuantised(soft, sr, exact, false, rgbImage(7, 5), 16);
            assertStreamedEqualsQuantised(soft, sr, exact, false, greyAlphaImage(5, 8), 16);
            assertStreamedEqualsQuantised(soft, sr, exact, false, rgbImage(7, 5), 8);
            assertStreamedEqualsQuantised(soft, sr, fast, false, rgbImage(f + 3, f + 5), 8);
            assertStreamedEqualsQuantised(soft, sr, fast, true, greyAlphaImage(f + 1, f + 3), 16);
        }
        soft.assertAll();
    }

    private static void assertStreamedEqualsQuantised(
            SoftAssertions soft,
            Srgrn sr,
            Tiling tiling,
            boolean ensemble,
            DecodedImage image,
            int bitDepth) {
        List<Long> ticks = new ArrayList<>();
        BufferedImage streamed =
                sr.upscaleToImage(
                        image, ensemble, tiling, (done, total) -> ticks.add(done), bitDepth);
        BufferedImage expected =
                ImageFiles.toBufferedImage(
                        withDepth(sr.upscale(image, ensemble, tiling), bitDepth));
        String what =
                tiling
                        + (ensemble ? " with self-ensemble, " : ", ")
                        + image.color().channels()
                        + " colour plane(s) at "
                        + bitDepth
                        + " bits";
        soft.assertThat(streamed.getWidth()).as(what).isEqualTo(expected.getWidth());
        soft.assertThat(streamed.getHeight()).as(what).isEqualTo(expected.getHeight());
        soft.assertThat(streamed.getColorModel().hasAlpha())
                .as(what + ": alpha")
                .isEqualTo(image.hasAlpha());
        soft.assertThat(samples(streamed)).as(what + ": every sample").isEqualTo(samples(expected));
        soft.assertThat(ticks).as(what + ": tile progress").hasSizeGreaterThan(1);
    }

    private static DecodedImage rgbImage(int height, int width) {
        return new DecodedImage(
                new PlanarImage(3, height, width, uniform(72, 3 * height * width)), null, 8);
    }

    private static DecodedImage greyAlphaImage(int height, int width) {
        return new DecodedImage(
                new PlanarImage(1, height, width, uniform(73, height * width)),
                new PlanarImage(1, height, width, uniform(74, height * width)),
                16);
    }

    /** The facade on this backend with seeded (non-zero gamma) weights. */
    private Srgrn seededFacade(SrgrnConfig config, long seed, Retention retention) {
        Srgrn sr =
                Srgrn.builder()
                        .config(config)
                        .untrained()
                        .backend(backend().name())
                        .device(device())
                        .featureRetention(retention)
                        .build();
        sr.module().setParameters(SeededTensors.parameters(new SrgrnSpec(config), seed));
        return sr;
    }

    private static float[] uniform(long seed, int n) {
        return Tensor.uniform(new SplittableRandom(seed), 0, 1, new int[] {n}).data();
    }

    private static DecodedImage withDepth(DecodedImage image, int bitDepth) {
        return new DecodedImage(image.color(), image.alpha(), bitDepth);
    }

    private static int[] samples(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
