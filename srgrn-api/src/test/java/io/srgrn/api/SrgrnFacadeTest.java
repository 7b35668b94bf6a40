package io.srgrn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.weights.WeightsFormatException;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.PlanarImage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrgrnFacadeTest {
    @TempDir Path dir;

    private static Srgrn compact(int scale) {
        return Srgrn.builder()
                .config(SrgrnConfig.compact(scale))
                .backend("nearest")
                .untrained()
                .build();
    }

    @Test
    void defaultsArePaperX4OnBestBackendAndUntrained() {
        try (Srgrn sr = Srgrn.builder().build()) {
            assertThat(sr.config()).isEqualTo(SrgrnConfig.paper(4));
            assertThat(sr.backend().name()).isEqualTo("nearest");
            assertThat(sr.device().isCpu()).isTrue();
            assertThat(sr.hasTrainedWeights()).isFalse();
        }
    }

    @Test
    void weightsCountAsTrainedOnceTheTrainerHasStepped() {
        try (Srgrn sr = compact(2)) {
            io.srgrn.api.train.Trainer trainer =
                    sr.trainer(io.srgrn.api.train.TrainingSettings.paper(2));
            assertThat(sr.hasTrainedWeights()).isFalse();
            trainer.fit(
                    i ->
                            new io.srgrn.api.train.Batch(
                                    Tensor.zeros(1, 3, 2, 2), Tensor.zeros(1, 3, 4, 4)));
            assertThat(sr.hasTrainedWeights()).isTrue();
        }
    }

    @Test
    void upscaleClampsToUnitRangeAndChecksChannels() {
        try (Srgrn sr = compact(2)) {
            sr.module().setParameters(Map.of("grrb.gamma", Tensor.scalar(0.5f)));
            float[] d = new float[3 * 2 * 2];
            d[0] = 0.1f;
            d[1] = 0.7f;
            Tensor out = sr.upscale(Tensor.of(d, 1, 3, 2, 2));
            assertThat(out.shape()).containsExactly(1, 3, 4, 4);
            assertThat(out.get(0, 0, 0, 0)).isEqualTo(0.6f);
            assertThat(out.get(0, 0, 0, 2)).isEqualTo(1f);
            assertThatThrownBy(() -> sr.upscale(Tensor.zeros(1, 1, 2, 2)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("expects 3 input channels, got 1");
        }
    }

    /** Issue 11: NaN and infinity passed through the clamp into the image. */
    @Test
    void nonFiniteInputsAreRefusedNamingWhere() {
        try (Srgrn sr = compact(2)) {
            for (float bad :
                    new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                Tensor lr = Tensor.zeros(1, 3, 2, 2);
                lr.set(bad, 0, 1, 1, 0);
                assertThatThrownBy(() -> sr.upscale(lr))
                        .as("input holding %s", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("non-finite")
                        .hasMessageContaining("[0, 1, 1, 0]");
            }
        }
    }

    /**
     * Issue 11: weights of +-3e38 overflowed to an all-black image, with no error. This test
     * backend adds grrb.gamma to every pixel, so an infinite one gives the output of such a
     * network.
     */
    @Test
    void aNonFiniteOutputIsAnErrorNotABlackImage() {
        try (Srgrn sr = compact(2)) {
            sr.module().setParameters(Map.of("grrb.gamma", Tensor.scalar(Float.NEGATIVE_INFINITY)));
            Tensor lr = Tensor.full(0.5f, 1, 3, 2, 2);
            assertThatThrownBy(() -> sr.upscale(lr))
                    .isInstanceOf(NonFiniteOutputException.class)
                    .hasMessageContaining("non-finite")
                    .hasMessageContaining("overflow");
        }
    }

    /** Issue 11: preset("compact").scale(2) built an x4 model. */
    @Test
    void builderCallsDoNotDependOnTheirOrder() {
        try (Srgrn a = Srgrn.builder().preset("compact").scale(2).backend("nearest").build();
                Srgrn b = Srgrn.builder().scale(2).preset("compact").backend("nearest").build()) {
            assertThat(a.config()).isEqualTo(SrgrnConfig.compact(2));
            assertThat(b.config()).isEqualTo(SrgrnConfig.compact(2));
        }
        assertThatThrownBy(
                        () ->
                                Srgrn.builder()
                                        .config(SrgrnConfig.compact(4))
                                        .scale(2)
                                        .backend("nearest")
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x4");
    }

    @Test
    void selfEnsembleOfAnEquivariantModelEqualsPlainOutput() {
        try (Srgrn sr = compact(3)) {
            float[] d = new float[3 * 4 * 5];
            for (int i = 0; i < d.length; i++) {
                d[i] = (i % 7) / 7f;
            }
            Tensor lr = Tensor.of(d, 1, 3, 4, 5);
            float[] plain = sr.upscale(lr, false).data();
            float[] ensemble = sr.upscale(lr, true).data();
            assertThat(ensemble).hasSameSizeAs(plain);
            for (int i = 0; i < plain.length; i++) {
                assertThat(ensemble[i])
                        .isCloseTo(plain[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void tilingFromTheBuilderOrPerCallStitchesAPixelLocalModelExactly() {
        float[] d = new float[2 * 3 * 40 * 23];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 11) / 11f;
        }
        Tensor lr = Tensor.of(d, 2, 3, 40, 23);
        try (Srgrn whole = compact(3);
                Srgrn tiled =
                        Srgrn.builder()
                                .config(SrgrnConfig.compact(3))
                                .backend("nearest")
                                .untrained()
                                .tiling(new Tiling(16, 3))
                                .build()) {
            assertThat(whole.tiling()).isNull();
            assertThat(tiled.tiling()).isEqualTo(new Tiling(16, 3));
            Tensor expected = whole.upscale(lr);
            assertThat(tiled.upscale(lr).bitEquals(expected)).isTrue();
            assertThat(whole.upscale(lr, false, new Tiling(17, 0)).bitEquals(expected)).isTrue();
            assertThat(tiled.upscale(lr, true).bitEquals(whole.upscale(lr, true))).isTrue();
            // A bad input is refused with the backends' words before any tile is cut.
            assertThatThrownBy(() -> tiled.upscale(Tensor.zeros(1, 1, 40, 40)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("expects 3 input channels, got 1");
        }
    }

    @Test
    void greyStaysGreyAndAlphaIsCarried() {
        try (Srgrn sr = compact(2)) {
            PlanarImage grey = new PlanarImage(1, 3, 2, new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1});
            PlanarImage alpha = new PlanarImage(1, 3, 2, new float[] {1, 1, 1, 1, 1, 1});
            DecodedImage out = sr.upscale(new DecodedImage(grey, alpha, 16), false);
            assertThat(out.color().channels()).isEqualTo(1);
            assertThat(out.color().height()).isEqualTo(6);
            assertThat(out.color().get(0, 5, 3)).isEqualTo(1f);
            assertThat(out.alpha().data()).containsOnly(1f);
            assertThat(out.bitDepth()).isEqualTo(16);

            BufferedImage rgb = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(1, 1, 0x00ff8000);
            BufferedImage up = sr.upscale(rgb);
            assertThat(up.getWidth()).isEqualTo(6);
            assertThat(up.getRGB(3, 3) & 0xffffff).isEqualTo(0xff8000);
        }
    }

    @Test
    void saveLoadAndConfigConflicts() {
        Path file = dir.resolve("x2.safetensors");
        try (Srgrn sr = compact(2)) {
            sr.module().setParameters(Map.of("grrb.gamma", Tensor.scalar(0.25f)));
            sr.save(file, Map.of("note", "test"));
        }
        try (Srgrn sr = Srgrn.builder().weights(file).backend("nearest").build()) {
            assertThat(sr.config()).isEqualTo(SrgrnConfig.compact(2));
            assertThat(sr.hasTrainedWeights()).isTrue();
            assertThat(sr.module().parameter("grrb.gamma").data()).containsExactly(0.25f);
        }
        assertThatThrownBy(() -> Srgrn.builder().scale(4).weights(file).backend("nearest").build())
                .hasMessageContaining("scale 4 was requested")
                .hasMessageContaining("x2 model");
        try (Srgrn sr = compact(3)) {
            assertThatThrownBy(() -> sr.load(file)).hasMessageContaining("holds weights for");
        }
    }

    @Test
    void badWeightsFileClosesNothingHalfBuilt() throws Exception {
        Path file = dir.resolve("broken.safetensors");
        Files.write(file, new byte[] {1, 2, 3});
        int before = NearestBackend.closedContexts;
        assertThatThrownBy(() -> Srgrn.builder().weights(file).backend("nearest").build())
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(file.toString());
        assertThat(NearestBackend.closedContexts).isEqualTo(before);
        assertThatThrownBy(() -> Srgrn.builder().backend("nearest").device("cuda:0").build())
                .hasMessageContaining("cannot use device cuda:0");
    }

    /** Issue 11: "--device cuda" said only "it offers [cpu]", hiding the backend's reason. */
    @Test
    void anUnusableDeviceIsRefusedWithTheBackendsOwnReason() {
        assertThatThrownBy(() -> Srgrn.builder().backend("nearest").device("cuda:0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "cannot use device cuda:0: the nearest test backend has no GPU kernels")
                .hasMessageContaining("it offers [cpu]");
    }
}
