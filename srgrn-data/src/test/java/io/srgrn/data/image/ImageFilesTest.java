package io.srgrn.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilesTest {

    @TempDir Path dir;

    /** A 3-channel 8-bit pattern with every channel different. */
    static PlanarImage rgbPattern(int h, int w) {
        ByteImage b = ByteImage.zeros(3, h, w);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    b.data()[(c * h + y) * w + x] = (byte) ((37 * x + 11 * y + 85 * c) & 0xFF);
                }
            }
        }
        return b.toPlanar();
    }

    static PlanarImage greyRamp(int h, int w) {
        ByteImage b = ByteImage.zeros(1, h, w);
        for (int i = 0; i < h * w; i++) {
            b.data()[i] = (byte) (i & 0xFF);
        }
        return b.toPlanar();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tif"})
    void losslessFormatsRoundTripRgbExactly(String ext) throws IOException {
        PlanarImage rgb = rgbPattern(17, 23);
        Path f = dir.resolve("img." + ext);
        ImageFiles.write(f, DecodedImage.of(rgb));
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.bitDepth()).isEqualTo(8);
        assertThat(back.hasAlpha()).isFalse();
        assertThat(back.color()).isEqualTo(rgb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "tif"})
    void inMemoryEncodeAndDecodeGiveTheFilesBytesAndImage(String ext) throws IOException {
        // A distributed job encodes in memory and stores the bytes elsewhere: they must be what
        // write() writes.
        DecodedImage image = DecodedImage.of(rgbPattern(13, 19));
        Path f = dir.resolve("img." + ext);
        ImageFiles.write(f, image);
        byte[] encoded = ImageFiles.encode(f, image);
        assertThat(encoded).isEqualTo(Files.readAllBytes(f));
        assertThat(ImageFiles.decode(encoded, f)).isEqualTo(ImageFiles.read(f));
    }

    @Test
    void decodingCorruptBytesNamesTheImage() {
        assertThatThrownBy(
                        () ->
                                ImageFiles.decode(
                                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1},
                                        Path.of("bad.png")))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("bad.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tif"})
    void greyImagesKeepTheirRawValues(String ext) throws IOException {
        // Java2D's getRGB would gamma-convert grey values; the raster must be read as stored.
        PlanarImage grey = greyRamp(16, 16);
        Path f = dir.resolve("grey." + ext);
        ImageFiles.write(f, DecodedImage.of(grey));
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.color().channels()).isEqualTo(1);
        assertThat(back.color()).isEqualTo(grey);
    }

    @Test
    void greyPngWrittenByImageIoReadsAsStoredValues() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[256];
        for (int i = 0; i < 256; i++) {
            v[i] = i;
        }
        img.getRaster().setSamples(0, 0, 16, 16, 0, v);
        Path f = dir.resolve("g.png");
        ImageIO.write(img, "png", f.toFile());
        ByteImage back = ImageFiles.read(f).color8();
        for (int i = 0; i < 256; i++) {
            assertThat(back.data()[i] & 0xFF).as("sample %d", i).isEqualTo(i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void alphaIsCarriedSeparately(String ext) throws IOException {
        PlanarImage rgb = rgbPattern(9, 14);
        PlanarImage alpha = greyRamp(9, 14);
        Path f = dir.resolve("rgba." + ext);
        ImageFiles.write(f, new DecodedImage(rgb, alpha, 8));
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.color()).isEqualTo(rgb);
        assertThat(back.alpha()).isEqualTo(alpha);
    }

    @Test
    void greyWithAlphaRoundTrips() throws IOException {
        PlanarImage grey = greyRamp(8, 8);
        PlanarImage alpha = rgbPattern(8, 8).channel(1);
        Path f = dir.resolve("ga.png");
        ImageFiles.write(f, new DecodedImage(grey, alpha, 8));
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.color()).isEqualTo(grey);
        assertThat(back.alpha()).isEqualTo(alpha);
    }

    @Test
    void sixteenBitPngFromImageIoIsReadAtSixteenBits() throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        int[] v = {0, 1, 256, 1000, 32767, 32768, 40000, 50000, 60000, 65000, 65534, 65535};
        img.getRaster().setSamples(0, 0, 4, 3, 0, v);
        Path f = dir.resolve("g16.png");
        ImageIO.write(img, "png", f.toFile());
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.bitDepth()).isEqualTo(16);
        for (int i = 0; i < v.length; i++) {
            assertThat((double) back.color().data()[i])
                    .as("sample %d", i)
                    .isCloseTo(v[i] / 65535.0, within(1e-7));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void sixteenBitRgbaRoundTrips(String ext) throws IOException {
        int h = 5;
        int w = 7;
        float[] c = new float[3 * h * w];
        float[] a = new float[h * w];
        for (int i = 0; i < c.length; i++) {
            c[i] = ((i * 7919) % 65536) / 65535f;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = ((i * 104729) % 65536) / 65535f;
        }
        DecodedImage img =
                new DecodedImage(new PlanarImage(3, h, w, c), new PlanarImage(1, h, w, a), 16);
        Path f = dir.resolve("rgba16." + ext);
        ImageFiles.write(f, img);
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.bitDepth()).isEqualTo(16);
        assertThat(back.color()).isEqualTo(img.color());
        assertThat(back.alpha()).isEqualTo(img.alpha());
    }

    @Test
    void sixteenBitToEightBitFormatIsQuantised() throws IOException {
        PlanarImage rgb = rgbPattern(6, 6);
        Path f = dir.resolve("q.bmp");
        ImageFiles.write(f, new DecodedImage(rgb, null, 16));
        DecodedImage back = ImageFiles.read(f);
        assertThat(back.bitDepth()).isEqualTo(8);
        assertThat(back.color()).isEqualTo(rgb);
    }

    @Test
    void jpegIsCloseButLossy() throws IOException {
        // A smooth image survives quality-95 JPEG within a few levels.
        int h = 32;
        int w = 32;
        ByteImage smooth = ByteImage.zeros(3, h, w);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    smooth.data()[(c * h + y) * w + x] = (byte) (60 + 3 * x + 2 * y + 20 * c);
                }
            }
        }
        Path f = dir.resolve("s.jpg");
        ImageFiles.write(f, DecodedImage.of(smooth.toPlanar()));
        ByteImage back = ImageFiles.read(f).color8();
        assertThat(back.height()).isEqualTo(h);
        assertThat(back.width()).isEqualTo(w);
        int maxDiff = 0;
        for (int i = 0; i < back.data().length; i++) {
            maxDiff =
                    Math.max(
                            maxDiff, Math.abs((back.data()[i] & 0xFF) - (smooth.data()[i] & 0xFF)));
        }
        assertThat(maxDiff).isLessThanOrEqualTo(6);
    }

    @Test
    void paletteImagesAreExpanded() throws IOException {
        byte[] r = {0, (byte) 255, 10};
        byte[] g = {0, 0, (byte) 200};
        byte[] b = {0, 0, 30};
        BufferedImage img =
                new BufferedImage(
                        3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
        WritableRaster raster = img.getRaster();
        raster.setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});
        ByteImage rgb = ImageFiles.fromBufferedImage(img).color8();
        assertThat(rgb.channels()).isEqualTo(3);
        assertThat(new int[] {rgb.get(0, 0, 0), rgb.get(1, 0, 0), rgb.get(2, 0, 0)})
                .containsExactly(10, 200, 30);
        assertThat(new int[] {rgb.get(0, 0, 1), rgb.get(1, 0, 1), rgb.get(2, 0, 1)})
                .containsExactly(255, 0, 0);
    }

    @Test
    void bufferedImageConversionRoundTrips() {
        PlanarImage rgb = rgbPattern(5, 6);
        DecodedImage img = new DecodedImage(rgb, greyRamp(5, 6), 8);
        DecodedImage back = ImageFiles.fromBufferedImage(ImageFiles.toBufferedImage(img));
        assertThat(back.color()).isEqualTo(rgb);
        assertThat(back.alpha()).isEqualTo(img.alpha());
        BufferedImage bi = ImageFiles.toBufferedImage(DecodedImage.of(rgb));
        // Channel order: band 0 is red.
        assertThat(bi.getRaster().getSample(3, 2, 0)).isEqualTo(Math.round(rgb.get(0, 2, 3) * 255));
        assertThat((bi.getRGB(3, 2) >> 16) & 0xFF).isEqualTo(Math.round(rgb.get(0, 2, 3) * 255));
    }

    @Test
    void randomBytesAreRejectedNamingTheFile() throws IOException {
        Path f = dir.resolve("noise.png");
        byte[] junk = new byte[500];
        new java.util.Random(1).nextBytes(junk);
        Files.write(f, junk);
        assertThatThrownBy(() -> ImageFiles.read(f))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("not a recognised image format");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = dir.resolve("empty.png");
        Files.write(f, new byte[0]);
        assertThatThrownBy(() -> ImageFiles.read(f))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(f.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "tif"})
    void truncatedFilesAreRejected(String ext) throws IOException {
        Path full = dir.resolve("full." + ext);
        ImageFiles.write(full, DecodedImage.of(rgbPattern(64, 64)));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut." + ext);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining(cut.toString());
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("absent.png");
        assertThatThrownBy(() -> ImageFiles.read(f))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.png");
    }

    @Test
    void unknownExtensionAndLostAlphaAreRefused() {
        DecodedImage rgba = new DecodedImage(rgbPattern(4, 4), greyRamp(4, 4), 8);
        assertThatThrownBy(
                        () ->
                                ImageFiles.write(
                                        dir.resolve("x.webp"), DecodedImage.of(rgbPattern(4, 4))))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("x.webp")
                .hasMessageContaining("webp");
        assertThatThrownBy(() -> ImageFiles.write(dir.resolve("x.jpg"), rgba))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageContaining("alpha");
        assertThat(dir.resolve("x.jpg")).doesNotExist();
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("out.png");
        ImageFiles.write(f, DecodedImage.of(rgbPattern(8, 8)));
        ImageFiles.write(f, DecodedImage.of(greyRamp(4, 4)));
        assertThat(ImageFiles.read(f).color()).isEqualTo(greyRamp(4, 4));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.png");
        }
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws IOException {
        Path f = dir.resolve("keep.jpg");
        ImageFiles.write(f, DecodedImage.of(rgbPattern(8, 8)));
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(
                        () ->
                                ImageFiles.write(
                                        f, new DecodedImage(rgbPattern(8, 8), greyRamp(8, 8), 8)))
                .isInstanceOf(ImageFormatException.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }
}
