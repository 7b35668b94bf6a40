package io.srgrn.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizedImageTest {

    @TempDir Path dir;

    /** Values spread over [-0.2, 1.2]: clamping and rounding are both exercised. */
    private static PlanarImage noise(int channels, int h, int w, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] d = new float[channels * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) random.nextDouble(-0.2, 1.2);
        }
        return new PlanarImage(channels, h, w, d);
    }

    /** The rectangle {@code [y0, y0 + h) x [x0, x0 + w)} of every plane. */
    private static PlanarImage crop(PlanarImage image, int y0, int x0, int h, int w) {
        float[] out = new float[image.channels() * h * w];
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(
                        image.data(),
                        c * image.planeSize() + (y0 + y) * image.width() + x0,
                        out,
                        (c * h + y) * w,
                        w);
            }
        }
        return new PlanarImage(image.channels(), h, w, out);
    }

    private static int[] samples(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }

    @Test
    void tilesPutOneByOneGiveTheWholeImageQuantised() {
        for (int colors : new int[] {1, 3}) {
            for (int depth : new int[] {8, 16}) {
                for (boolean alpha : new boolean[] {false, true}) {
                    PlanarImage color = noise(colors, 11, 13, 7 * colors + depth);
                    PlanarImage a = alpha ? noise(1, 11, 13, 99) : null;
                    DecodedImage whole = new DecodedImage(color, a, depth);
                    QuantizedImage tiled = new QuantizedImage(11, 13, colors, alpha, depth);
                    // uneven tiles: 4 + 7 rows, 5 + 5 + 3 columns
                    for (int[] t : new int[][] {{0, 4}, {4, 7}}) {
                        for (int[] u : new int[][] {{0, 5}, {5, 5}, {10, 3}}) {
                            tiled.putColor(t[0], u[0], crop(color, t[0], u[0], t[1], u[1]));
                            if (alpha) {
                                tiled.putAlpha(t[0], u[0], crop(a, t[0], u[0], t[1], u[1]));
                            }
                        }
                    }
                    String what = colors + " colour(s), " + depth + " bits, alpha " + alpha;
                    BufferedImage expected = QuantizedImage.of(whole).image();
                    assertThat(samples(tiled.image())).as(what).isEqualTo(samples(expected));
                    assertThat(tiled.image().getColorModel().hasAlpha()).as(what).isEqualTo(alpha);
                    assertThat(tiled.image().getColorModel().getComponentSize(0))
                            .as(what)
                            .isEqualTo(depth);
                }
            }
        }
    }

    @Test
    void samplesAreClampedAndRoundedHalfUp() {
        QuantizedImage q = new QuantizedImage(1, 6, 1, false, 8);
        q.putColor(
                0,
                0,
                new PlanarImage(
                        1, 1, 6, new float[] {-1f, Float.NaN, 0.5f / 255, 0.49f / 255, 1f, 7f}));
        assertThat(samples(q.image())).containsExactly(0, 0, 1, 0, 255, 255);
    }

    @Test
    void aTileOutsideTheImageOrOfTheWrongKindIsRefused() {
        QuantizedImage q = new QuantizedImage(4, 4, 3, false, 8);
        assertThatThrownBy(() -> q.putColor(2, 1, noise(3, 3, 2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a 2x3 tile at (1, 2) does not fit a 4x4 image");
        assertThatThrownBy(() -> q.putColor(0, 0, noise(1, 2, 2, 1)))
                .hasMessageContaining("3 colour plane(s), the tile 1");
        assertThatThrownBy(() -> q.putAlpha(0, 0, noise(1, 2, 2, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no alpha channel");
        assertThatThrownBy(() -> new QuantizedImage(4, 4, 2, false, 8))
                .hasMessageContaining("1 (grey) or 3 (RGB)");
        assertThatThrownBy(() -> new QuantizedImage(4, 4, 3, false, 12))
                .hasMessageContaining("8 or 16");
    }

    @Test
    void aQuantisedImageIsWrittenAsItsDecodedImageWouldBe() throws IOException {
        DecodedImage image = new DecodedImage(noise(3, 9, 7, 5), noise(1, 9, 7, 6), 16);
        Path direct = dir.resolve("direct.png");
        Path viaDecoded = dir.resolve("decoded.png");
        ImageFiles.write(direct, QuantizedImage.of(image).image());
        ImageFiles.write(viaDecoded, image);
        assertThat(direct).hasSameBinaryContentAs(viaDecoded);
        assertThatThrownBy(
                        () ->
                                ImageFiles.write(
                                        dir.resolve("x.jpg"), QuantizedImage.of(image).image()))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("cannot store the alpha channel");
        assertThat(dir.resolve("x.jpg")).doesNotExist();
        assertThat(ImageFiles.bitDepthFor(dir.resolve("a.tif"), 16)).isEqualTo(16);
        assertThat(ImageFiles.bitDepthFor(dir.resolve("a.jpg"), 16)).isEqualTo(8);
        assertThat(ImageFiles.bitDepthFor(dir.resolve("a.png"), 8)).isEqualTo(8);
    }
}
