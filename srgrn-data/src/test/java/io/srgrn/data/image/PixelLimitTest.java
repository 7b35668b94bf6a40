package io.srgrn.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, case 10: a PNG declaring 20000x20000 pixels ended in "Java heap space" after 2.2 GB.
 */
class PixelLimitTest {
    @TempDir Path dir;

    /**
     * A well-formed PNG header declaring {@code width x height} 8-bit RGB pixels, followed by one
     * row of data.
     */
    static byte[] forgedPng(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * Math.min(width, 4096)]);
        deflater.finish();
        byte[] z = new byte[65536];
        int n = deflater.deflate(z);
        chunk(out, "IDAT", java.util.Arrays.copyOf(z, n));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aPngDeclaringTwentyThousandSquaredPixelsIsRefusedFromItsHeader() throws IOException {
        Path f = Files.write(dir.resolve("huge.png"), forgedPng(20000, 20000));
        assertThat(Files.size(f)).isLessThan(1000);
        assertThatThrownBy(() -> ImageFiles.read(f))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("20000x20000")
                .hasMessageContaining("400.0 megapixels")
                .hasMessageContaining("limit of 100.0 megapixels")
                .hasMessageContaining(PixelLimit.PROPERTY);
    }

    @Test
    void theLimitIsGivenPerCallOrByTheSystemProperty() throws IOException {
        Path f = dir.resolve("small.png");
        ImageFiles.write(f, DecodedImage.of(PlanarImage.zeros(3, 32, 64)));
        assertThatThrownBy(() -> ImageFiles.read(f, new PixelLimit(2047)))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining(
                        "64x32 pixels (2048 pixels) exceeds the limit of 2047 pixels");
        assertThat(ImageFiles.read(f, new PixelLimit(2048)).width()).isEqualTo(64);
        String before = System.getProperty(PixelLimit.PROPERTY);
        try {
            System.setProperty(PixelLimit.PROPERTY, "1000");
            assertThatThrownBy(() -> ImageFiles.read(f))
                    .isInstanceOf(ImageTooLargeException.class)
                    .hasMessageContaining("limit of 1000 pixels");
            System.setProperty(PixelLimit.PROPERTY, "many");
            assertThatThrownBy(() -> ImageFiles.read(f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(PixelLimit.PROPERTY + "=many");
        } finally {
            if (before == null) {
                System.clearProperty(PixelLimit.PROPERTY);
            } else {
                System.setProperty(PixelLimit.PROPERTY, before);
            }
        }
        assertThat(ImageFiles.read(f).height()).isEqualTo(32);
    }

    @Test
    void theDefaultIsOneHundredMegapixels() {
        assertThat(PixelLimit.configured().maxPixels()).isEqualTo(100_000_000L);
        assertThatThrownBy(() -> new PixelLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
