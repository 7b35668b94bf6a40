package io.srgrn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.srgrn.data.image.ByteImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Metric values that can be worked out by hand. */
class PsnrSsimTest {

    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    static double[] pattern(int h, int w) {
        double[] a = new double[h * w];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 37 + (i / w) * 11) % 200 + 20;
        }
        return a;
    }

    static double[] plus(double[] a, double d) {
        return Arrays.stream(a).map(v -> v + d).toArray();
    }

    @Test
    void identicalImagesHaveInfinitePsnrAndSsimOne() {
        double[] a = pattern(30, 40);
        assertThat(Psnr.of(a, a.clone(), 30, 40, 2, 255)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ssim.of(a, a.clone(), 30, 40, 2)).isEqualTo(1.0);
    }

    @Test
    void constantOffsetGivesTwentyLogOfPeakOverOffset() {
        double[] a = pattern(20, 25);
        // mse = 25, PSNR = 10 log10(255^2 / 25) = 20 log10(51) = 34.1514035...
        assertThat(Psnr.of(a, plus(a, 5), 20, 25, 0, 255))
                .isCloseTo(34.15140352195873, within(1e-12));
        assertThat(Psnr.of(a, plus(a, -1), 20, 25, 3, 255))
                .isCloseTo(48.13080360867910, within(1e-12));
    }

    @Test
    void shaveRemovesTheBorder() {
        double[] a = pattern(12, 12);
        double[] b = a.clone();
        for (int i = 0; i < 12; i++) {
            b[i] += 50; // first row only
            b[i * 12 + 11] += 50; // last column only
        }
        assertThat(Psnr.of(a, b, 12, 12, 1, 255)).isEqualTo(Double.POSITIVE_INFINITY);
        // 22 samples off by 50 and the shared corner by 100: mse = (22 * 2500 + 10000) / 144.
        assertThat(Psnr.of(a, b, 12, 12, 0, 255))
                .isCloseTo(10 * Math.log10(255.0 * 255 * 144 / (22 * 2500 + 10000)), within(1e-12));
    }

    @Test
    void ssimOfAConstantOffsetIsTheLuminanceTerm() {
        // Same structure, means m and m + d: the contrast-structure term is 1 and SSIM = (2 m (m+d)
        // + C1) / (m^2 + (m+d)^2 + C1)
        // at every position; with a constant image m is the same everywhere.
        double[] a = new double[30 * 30];
        Arrays.fill(a, 100);
        double expected = (2 * 100.0 * 110 + C1) / (100.0 * 100 + 110.0 * 110 + C1);
        assertThat(Ssim.of(a, plus(a, 10), 30, 30, 0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void ssimOfOneWindowWithAnImpulse() {
        // An 11x11 image (one valid window): a = c except the centre c + d, b = c.
        // With centre weight g = w5^2 (w the normalised 1-D Gaussian of sigma 1.5):
        //   mu_a = c + g d, sigma_a^2 = g (1 - g) d^2, mu_b = c, sigma_b = 0, sigma_ab = 0
        //   SSIM = (2 mu_a c + C1) C2 / ((mu_a^2 + c^2 + C1) (sigma_a^2 + C2)).
        double s = 0;
        for (int k = -5; k <= 5; k++) {
            s += Math.exp(-k * k / 4.5);
        }
        double g = 1 / (s * s);
        double c = 80;
        double d = 120;
        double[] a = new double[121];
        Arrays.fill(a, c);
        a[60] = c + d;
        double[] b = new double[121];
        Arrays.fill(b, c);
        double muA = c + g * d;
        double varA = g * (1 - g) * d * d;
        double expected = (2 * muA * c + C1) * C2 / ((muA * muA + c * c + C1) * (varA + C2));
        assertThat(Ssim.of(a, b, 11, 11, 0)).isCloseTo(expected, within(1e-12));
        // The window is normalised: g is about 0.0707 for sigma 1.5.
        assertThat(g).isCloseTo(0.0707, within(0.0001));
    }

    @Test
    void ssimIsSymmetricAndBelowOneForDifferentImages() {
        double[] a = pattern(25, 31);
        double[] b = plus(pattern(25, 31), 0);
        for (int i = 0; i < b.length; i += 3) {
            b[i] = 255 - b[i];
        }
        double ab = Ssim.of(a, b, 25, 31, 2);
        assertThat(ab).isLessThan(0.9).isEqualTo(Ssim.of(b, a, 25, 31, 2));
    }

    @Test
    void badShapesFailClearly() {
        double[] a = pattern(20, 20);
        assertThatThrownBy(() -> Psnr.of(a, new double[399], 20, 20, 0, 255))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("399");
        assertThatThrownBy(() -> Ssim.of(a, a, 20, 20, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("20x20")
                .hasMessageContaining("11x11");
        assertThatThrownBy(() -> Psnr.rgb(ByteImage.zeros(3, 4, 4), ByteImage.zeros(1, 4, 4), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4x4")
                .hasMessageContaining("1x4x4");
    }
}
