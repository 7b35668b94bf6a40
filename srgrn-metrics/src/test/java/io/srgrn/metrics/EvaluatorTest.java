package io.srgrn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    static ByteImage image(int c, int h, int w, int seed) {
        ByteImage img = ByteImage.zeros(c, h, w);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = (byte) (30 + (i * 29 + seed * 7 + (i / w) * 3) % 190);
        }
        return img;
    }

    static ByteImage plus(ByteImage img, int d) {
        byte[] out = img.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((out[i] & 0xFF) + d);
        }
        return new ByteImage(img.channels(), img.height(), img.width(), out);
    }

    @Test
    void lumaFollowsBt601() {
        ByteImage px =
                new ByteImage(
                        3,
                        1,
                        4,
                        new byte[] {
                            0,
                            (byte) 255,
                            0,
                            (byte) 255,
                            0,
                            0,
                            (byte) 255,
                            (byte) 255,
                            0,
                            0,
                            0,
                            (byte) 255
                        });
        // black, red, green, white
        assertThat(YChannel.unrounded(px))
                .containsExactly(new double[] {16, 16 + 65.481, 16 + 128.553, 235}, within(1e-9));
        assertThat(YChannel.rounded(px)).containsExactly(16, 81, 145, 235);
        ByteImage grey = new ByteImage(1, 1, 2, new byte[] {0, (byte) 255});
        assertThat(YChannel.unrounded(grey)).containsExactly(new double[] {16, 235}, within(1e-9));
        assertThat(YChannel.grey(grey)).containsExactly(0, 255);
    }

    @Test
    void greyReplicatedScalesTheErrorBy219Over255() {
        // Replicated grey v has Y = 16 + 219 v / 255, so every error shrinks by 219/255 and the RDN
        // PSNR
        // rises by 20 log10(255 / 219) over scoring the grey value itself.
        ByteImage hr = image(1, 24, 24, 1);
        ByteImage sr = plus(hr, 3);
        double single =
                new Evaluator(EvaluationOptions.of(EvaluationProtocol.RDN, GreyMode.SINGLE))
                        .score("g", hr, sr, 2)
                        .psnr();
        double replicated =
                new Evaluator(EvaluationOptions.defaults()).score("g", hr, sr, 2).psnr();
        assertThat(single).isCloseTo(20 * Math.log10(255 / 3.0), within(1e-9));
        assertThat(replicated - single).isCloseTo(20 * Math.log10(255 / 219.0), within(1e-9));
    }

    @Test
    void rgbPsnrIsReportedOnRequest() {
        ByteImage hr = image(3, 20, 20, 2);
        ByteImage sr = plus(hr, 4);
        ImageScore with =
                new Evaluator(EvaluationOptions.defaults().withRgbPsnr(true)).score("x", hr, sr, 3);
        ImageScore without = new Evaluator(EvaluationOptions.defaults()).score("x", hr, sr, 3);
        assertThat(with.rgbPsnr()).isCloseTo(20 * Math.log10(255 / 4.0), within(1e-9));
        assertThat(without.rgbPsnr()).isNaN();
        // A uniform RGB offset of 4 moves Y by 4 * 219/255 (unrounded).
        assertThat(with.psnr()).isCloseTo(20 * Math.log10(255 / (4 * 219.0 / 255)), within(1e-9));
    }

    @Test
    void floatImagesAreQuantisedFirst() {
        ByteImage hr = image(3, 16, 16, 3);
        ImageScore bytes =
                new Evaluator(EvaluationOptions.defaults()).score("x", hr, plus(hr, 2), 2);
        float[] nudged = plus(hr, 2).toPlanar().data().clone();
        for (int i = 0; i < nudged.length; i++) {
            nudged[i] += 0.4f / 255; // rounds back to the same byte
        }
        ImageScore floats =
                new Evaluator(EvaluationOptions.defaults())
                        .score(
                                "x",
                                hr.toPlanar(),
                                new io.srgrn.data.image.PlanarImage(3, 16, 16, nudged),
                                2);
        assertThat(floats.psnr()).isEqualTo(bytes.psnr());
        assertThat(floats.ssim()).isEqualTo(bytes.ssim());
    }

    @Test
    void mismatchedImagesFailNamingBothShapes() {
        Evaluator e = new Evaluator(EvaluationOptions.defaults());
        assertThatThrownBy(() -> e.score("baby", image(3, 20, 20, 0), image(3, 21, 20, 0), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baby")
                .hasMessageContaining("3x20x20")
                .hasMessageContaining("3x21x20")
                .hasMessageContaining("mod-crop");
        assertThatThrownBy(() -> e.score("bridge", image(3, 20, 20, 0), image(1, 20, 20, 0), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x20x20");
    }

    @Test
    void greyHrAgainstRgbSrIsReplicatedOnlyWhenGreyIsReplicated() {
        ByteImage grey = image(1, 20, 20, 5);
        ByteImage sr = plus(grey, 2).replicate(3);
        ImageScore replicated =
                new Evaluator(EvaluationOptions.defaults()).score("bridge", grey, sr, 2);
        ImageScore explicit =
                new Evaluator(EvaluationOptions.defaults())
                        .score("bridge", grey.replicate(3), sr, 2);
        assertThat(replicated).isEqualTo(explicit);
        assertThatThrownBy(
                        () ->
                                new Evaluator(
                                                EvaluationOptions.of(
                                                        EvaluationProtocol.RDN, GreyMode.SINGLE))
                                        .score("bridge", grey, sr, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge")
                .hasMessageContaining("grey");
    }

    @Test
    void setMeansAverageImages() {
        SetScore s =
                new SetScore(
                        "S",
                        java.util.List.of(
                                new ImageScore("a", 30, 0.8, Double.NaN),
                                new ImageScore("b", 32, 0.9, Double.NaN)));
        assertThat(s.meanPsnr()).isEqualTo(31.0);
        assertThat(s.meanSsim()).isCloseTo(0.85, within(1e-15));
        assertThat(s.meanRgbPsnr()).isNaN();
    }

    @Test
    void bicubicBaselineOfAFlatImageIsPerfectAndYOnlyNeedsBi() {
        ByteImage flat = ByteImage.zeros(3, 36, 36);
        Arrays.fill(flat.data(), (byte) 90);
        Map<String, ByteImage> set = new LinkedHashMap<>();
        set.put("flat", flat);
        for (EvaluationProtocol p : EvaluationProtocol.values()) {
            SetScore s =
                    new BicubicBaseline(EvaluationOptions.of(p, GreyMode.REPLICATE))
                            .scoreSet("F", set, Degradation.bi(4));
            assertThat(s.meanPsnr()).as("%s", p).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(s.meanSsim()).as("%s", p).isEqualTo(1.0);
        }
        assertThatThrownBy(
                        () ->
                                new BicubicBaseline(
                                                EvaluationOptions.of(
                                                        EvaluationProtocol.Y_ONLY, GreyMode.SINGLE))
                                        .score("flat", flat, Degradation.bd()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BD_x3");
    }

    @Test
    void labelsNameProtocolAndGreyRule() {
        assertThat(EvaluationOptions.defaults().label()).isEqualTo("rdn");
        assertThat(EvaluationOptions.of(EvaluationProtocol.RDN_Y8, GreyMode.SINGLE).label())
                .isEqualTo("rdn-y8/grey=single");
        assertThat(EvaluationOptions.of(EvaluationProtocol.Y_ONLY, GreyMode.REPLICATE).label())
                .isEqualTo("y-only");
    }
}
