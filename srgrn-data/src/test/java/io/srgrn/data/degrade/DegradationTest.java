package io.srgrn.data.degrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.resize.MatlabBicubic;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DegradationTest {

    static ByteImage pattern(int c, int h, int w) {
        ByteImage img = ByteImage.zeros(c, h, w);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = (byte) ((i * 31 + (i / w) * 7) & 0xFF);
        }
        return img;
    }

    @Test
    void namedDegradationsAreThePapersAndBdDnExistAtX3Only() {
        assertThat(Degradation.named("bi", 4, 0).key()).isEqualTo("BI_x4");
        assertThat(Degradation.named("BD", 3, 0)).isEqualTo(Degradation.bd());
        assertThat(Degradation.named(" DN ", 3, 7)).isEqualTo(Degradation.dn(7));
        assertThatThrownBy(() -> Degradation.named("BD", 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "degradation BD is defined for x3 only (the paper's BD setting), not x2");
        assertThatThrownBy(() -> Degradation.named("DN", 4, 0)).hasMessageContaining("x3 only");
        assertThatThrownBy(() -> Degradation.named("XX", 2, 0))
                .hasMessageContaining("'XX'")
                .hasMessageContaining("BI, BD, DN");
    }

    @Test
    void modCropDropsBottomRowsAndRightColumns() {
        ByteImage img = pattern(3, 10, 7);
        ByteImage cropped = ModCrop.apply(img, 3);
        assertThat(cropped.height()).isEqualTo(9);
        assertThat(cropped.width()).isEqualTo(6);
        assertThat(cropped.get(2, 8, 5)).isEqualTo(img.get(2, 8, 5));
        assertThat(ModCrop.apply(pattern(1, 8, 8), 4)).isEqualTo(pattern(1, 8, 8));
        assertThatThrownBy(() -> ModCrop.apply(pattern(1, 2, 8), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than the scale 3");
    }

    @Test
    void biIsMatlabBicubicOfTheModCroppedImage() {
        ByteImage img = pattern(3, 26, 31);
        ByteImage lr = Degradation.bi(4).apply(img);
        assertThat(lr.height()).isEqualTo(6);
        assertThat(lr.width()).isEqualTo(7);
        assertThat(lr).isEqualTo(MatlabBicubic.downscale(img.crop(0, 0, 24, 28), 4));
    }

    @Test
    void fspecialGaussianIsNormalisedSymmetricAndGaussian() {
        double[] k = GaussianBlur.kernel(7, 1.6);
        assertThat(Arrays.stream(k).sum()).isCloseTo(1.0, within(1e-15));
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(k[i * 7 + j]).isEqualTo(k[j * 7 + i]).isEqualTo(k[(6 - i) * 7 + j]);
            }
        }
        // Neighbouring ratio exp(1 / (2 sigma^2)) along an axis from the centre.
        assertThat(k[3 * 7 + 3] / k[3 * 7 + 4])
                .isCloseTo(Math.exp(1 / (2 * 1.6 * 1.6)), within(1e-12));
        // Centre: 1 / (sum over the 7x7 grid of exp(-(x^2 + y^2) / 5.12)).
        double s = 0;
        for (int y = -3; y <= 3; y++) {
            for (int x = -3; x <= 3; x++) {
                s += Math.exp(-(x * x + y * y) / 5.12);
            }
        }
        assertThat(k[24]).isCloseTo(1 / s, within(1e-15));
    }

    @Test
    void bdBlursWithReplicatedBordersThenKeepsEveryThirdSampleFromTheSecond() {
        ByteImage flat = ByteImage.zeros(3, 12, 9);
        Arrays.fill(flat.data(), (byte) 77);
        ByteImage lr = Degradation.bd().apply(flat);
        assertThat(lr.height()).isEqualTo(4);
        assertThat(lr.width()).isEqualTo(3);
        for (byte b : lr.data()) {
            assertThat(b & 0xFF).isEqualTo(77); // replicated borders: a constant stays constant
        }
        // Decimation alone: LR[i][j] = in[3i + 1][3j + 1].
        ByteImage img = pattern(1, 9, 9);
        ByteImage dec = Decimate.nearest(img, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(dec.get(0, i, j)).isEqualTo(img.get(0, 3 * i + 1, 3 * j + 1));
            }
        }
    }

    @Test
    void gaussianBlurOfAnImpulseIsTheRoundedKernel() {
        ByteImage impulse = ByteImage.zeros(1, 9, 9);
        impulse.data()[4 * 9 + 4] = (byte) 255;
        ByteImage blurred = GaussianBlur.blur(impulse, GaussianBlur.kernel(7, 1.6));
        double[] k = GaussianBlur.kernel(7, 1.6);
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                long expected = Math.round(255 * k[(dy + 3) * 7 + dx + 3]);
                assertThat(blurred.get(0, 4 + dy, 4 + dx))
                        .as("(%d, %d)", dy, dx)
                        .isEqualTo((int) expected);
            }
        }
    }

    @Test
    void dnAddsSeededNoiseOfSigma30() {
        ByteImage grey = ByteImage.zeros(3, 300, 300);
        Arrays.fill(grey.data(), (byte) 128);
        ByteImage a = Degradation.dn(1).apply(grey);
        ByteImage b = Degradation.dn(1).apply(grey);
        ByteImage c = Degradation.dn(2).apply(grey);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        double sum = 0;
        double sq = 0;
        for (byte v : a.data()) {
            double d = (v & 0xFF) - 128;
            sum += d;
            sq += d * d;
        }
        int n = a.data().length;
        assertThat(n).isEqualTo(3 * 100 * 100);
        assertThat(sum / n).isCloseTo(0, within(0.6));
        // Rounding adds 1/12 to the variance; clipping at 0/255 (beyond 4 sigma) is negligible.
        assertThat(Math.sqrt(sq / n)).isCloseTo(Math.sqrt(900 + 1.0 / 12), within(0.5));
    }

    @Test
    void dnGivesEachImageItsOwnNoise() {
        Degradation dn = Degradation.dn(5);
        assertThat(dn.forImage("baby"))
                .isEqualTo(dn.forImage("baby"))
                .isNotEqualTo(dn.forImage("bird"));
        assertThat(dn.forImage("baby").key()).startsWith("DN_x3_s30_seed");
        assertThat(Degradation.bi(2).forImage("baby")).isEqualTo(Degradation.bi(2));
    }

    @Test
    void namesParseAndPrint() {
        assertThat(Degradation.parse("BI_x4", 0)).isEqualTo(Degradation.bi(4));
        assertThat(Degradation.parse("bd-x3", 0)).isEqualTo(Degradation.bd());
        assertThat(Degradation.parse("DN_x3", 9)).isEqualTo(Degradation.dn(9));
        assertThat(Degradation.bi(2).key()).isEqualTo("BI_x2");
        assertThat(Degradation.bd().key()).isEqualTo("BD_x3");
        assertThatThrownBy(() -> Degradation.parse("XX_x2", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
        assertThatThrownBy(() -> Degradation.parse("BI", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
