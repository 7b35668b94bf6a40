package io.srgrn.data.resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatlabBicubicTest {

    @Test
    void outputSizeIsCeilOfLengthTimesScale() {
        assertThat(MatlabBicubic.outputLength(512, 0.25)).isEqualTo(128);
        assertThat(MatlabBicubic.outputLength(10, 1.0 / 3)).isEqualTo(4);
        assertThat(MatlabBicubic.outputLength(9, 1.0 / 3)).isEqualTo(3);
        assertThat(MatlabBicubic.outputLength(7, 1.5)).isEqualTo(11);
        assertThat(MatlabBicubic.outputLength(5, 3)).isEqualTo(15);
    }

    @Test
    void upscaleByTwoUsesTheKnownMatlabWeights() {
        // x = 1: u = 0.75, taps at 1-based -1..2 with cubic(1.75), cubic(0.75), cubic(0.25),
        // cubic(1.25)
        // = -0.0234375, 0.2265625, 0.8671875, -0.0703125 (sum 1); -1 and 0 clamp to the first
        // pixel.
        ResizeWeights w = MatlabBicubic.weights(6, 2);
        assertThat(w.outLength()).isEqualTo(12);
        assertThat(slice(w.index(), w.start()[0], w.start()[1])).containsExactly(0, 0, 0, 1);
        assertThat(slice(w.weight(), w.start()[0], w.start()[1]))
                .containsExactly(-0.0234375, 0.2265625, 0.8671875, -0.0703125);
        // x = 4: u = 2.25, taps 1-based 1..4 (0-based 0..3): cubic(1.25), cubic(0.25), cubic(0.75),
        // cubic(1.75).
        assertThat(slice(w.index(), w.start()[3], w.start()[4])).containsExactly(0, 1, 2, 3);
        assertThat(slice(w.weight(), w.start()[3], w.start()[4]))
                .containsExactly(-0.0703125, 0.8671875, 0.2265625, -0.0234375);
    }

    @Test
    void downscaleByTwoStretchesTheKernel() {
        // x = 3: u = 5.5, kernel width 8; weights 0.5*cubic(d/2) for d = +-0.5, +-1.5, +-2.5,
        // +-3.5.
        ResizeWeights w = MatlabBicubic.weights(20, 0.5);
        assertThat(w.outLength()).isEqualTo(10);
        int s = w.start()[2];
        assertThat(w.taps(2)).isEqualTo(8);
        assertThat(slice(w.index(), s, s + 8)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(slice(w.weight(), s, s + 8))
                .containsExactly(
                        -0.01171875,
                        -0.03515625,
                        0.11328125,
                        0.43359375,
                        0.43359375,
                        0.11328125,
                        -0.03515625,
                        -0.01171875);
    }

    @Test
    void weightTablesAreCachedPerLengthAndFactor() {
        assertThat(MatlabBicubic.weights(123, 0.25)).isSameAs(MatlabBicubic.weights(123, 0.25));
        assertThat(MatlabBicubic.weights(123, 0.25)).isNotSameAs(MatlabBicubic.weights(124, 0.25));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 1.0 / 3, 0.5, 0.37, 1.7, 2, 3, 4})
    void weightsOfEveryOutputSumToOne(double scale) {
        ResizeWeights w = MatlabBicubic.weights(29, scale);
        for (int i = 0; i < w.outLength(); i++) {
            double sum = 0;
            for (int t = w.start()[i]; t < w.start()[i + 1]; t++) {
                sum += w.weight()[t];
                assertThat(w.index()[t]).isBetween(0, 28);
            }
            assertThat(sum).as("sum of weights of output %d", i).isCloseTo(1.0, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 1.0 / 3, 0.5, 0.37, 1.7, 2, 3, 4})
    void constantImagesStayConstant(double scale) {
        ByteImage flat = ByteImage.zeros(3, 13, 17);
        java.util.Arrays.fill(flat.data(), (byte) 200);
        ByteImage out = MatlabBicubic.resize(flat, scale);
        assertThat(out.height()).isEqualTo(MatlabBicubic.outputLength(13, scale));
        assertThat(out.width()).isEqualTo(MatlabBicubic.outputLength(17, scale));
        for (byte b : out.data()) {
            assertThat(b & 0xFF).isEqualTo(200);
        }
    }

    @Test
    void cubicInterpolationReproducesLinearRampsAwayFromTheBorder() {
        // Keys' kernel (a = -0.5) reproduces polynomials up to degree 2; out sample x (1-based)
        // sits at
        // u = x/2 + 0.25, so a ramp f(k) = k (1-based) becomes u there.
        int n = 16;
        double[] ramp = new double[n];
        for (int k = 0; k < n; k++) {
            ramp[k] = k + 1;
        }
        double[] up = MatlabBicubic.resize(ramp, 1, 1, n, 1, 2);
        for (int x = 5; x <= 2 * n - 4; x++) {
            assertThat(up[x - 1]).as("sample %d", x).isCloseTo(x / 2.0 + 0.25, within(1e-12));
        }
    }

    @Test
    void eightBitPathRoundsHalfAwayAndClipsEachPass() {
        // A 0/255 step overshoots with the negative lobes: results must clip to 0..255 and be
        // integers.
        ByteImage step = ByteImage.zeros(1, 1, 8);
        for (int i = 4; i < 8; i++) {
            step.data()[i] = (byte) 255;
        }
        ByteImage up = MatlabBicubic.upscale(step, 2);
        double[] dbl =
                MatlabBicubic.resize(new double[] {0, 0, 0, 0, 255, 255, 255, 255}, 1, 1, 8, 1, 2);
        for (int i = 0; i < 16; i++) {
            long expected = Math.max(0, Math.min(255, Math.round(dbl[i])));
            assertThat(up.data()[i] & 0xFF)
                    .as("sample %d (double %f)", i, dbl[i])
                    .isEqualTo((int) expected);
        }
        // The double path itself keeps the overshoot: 255 * (1 + 0.0234375 + ...) > 255 next to the
        // edge.
        assertThat(java.util.Arrays.stream(dbl).max().orElseThrow()).isGreaterThan(255);
        assertThat(java.util.Arrays.stream(dbl).min().orElseThrow()).isLessThan(0);
    }

    @Test
    void floatPathUpscalesAlphaLikeTheDoublePath() {
        float[] a = {0f, 1f, 0.5f, 0.25f};
        PlanarImage up = MatlabBicubic.resize(new PlanarImage(1, 2, 2, a), 3);
        double[] d = MatlabBicubic.resize(new double[] {0, 1, 0.5, 0.25}, 1, 2, 2, 3, 3);
        assertThat(up.height()).isEqualTo(6);
        for (int i = 0; i < d.length; i++) {
            assertThat((double) up.data()[i]).isCloseTo(d[i], within(1e-7));
        }
    }

    @Test
    void invalidFactorsAreRejected() {
        ByteImage img = ByteImage.zeros(1, 4, 4);
        assertThatThrownBy(() -> MatlabBicubic.resize(img, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> MatlabBicubic.resize(img, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatlabBicubic.downscale(img, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] slice(int[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    private static double[] slice(double[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
