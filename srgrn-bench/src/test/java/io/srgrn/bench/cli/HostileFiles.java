package io.srgrn.bench.cli;

import io.srgrn.api.json.Json;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Hostile files for {@link HostileInputCorpusTest}, made in code from a seed: damaged, forged and
 * unusual images, and damaged or inconsistent safetensors weights. Each method writes one file.
 */
final class HostileFiles {
    private HostileFiles() {}

    /** The first {@code fraction} of a file's bytes. */
    static Path truncated(Path source, Path target, double fraction) throws IOException {
        byte[] b = Files.readAllBytes(source);
        return Files.write(target, Arrays.copyOf(b, Math.max(1, (int) (b.length * fraction))));
    }

    /**
     * The file with {@code flips} random bits inverted (never in the first 8 bytes, so the format
     * is still recognised).
     */
    static Path bitFlipped(Path source, Path target, int flips, long seed) throws IOException {
        byte[] b = Files.readAllBytes(source);
        Random r = new Random(seed);
        for (int i = 0; i < flips; i++) {
            int at = 8 + r.nextInt(b.length - 8);
            b[at] ^= (byte) (1 << r.nextInt(8));
        }
        return Files.write(target, b);
    }

    static Path randomBytes(Path target, int length, long seed) throws IOException {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return Files.write(target, b);
    }

    /**
     * A well-formed PNG header declaring {@code width x height} RGB pixels, with one small data
     * chunk.
     */
    static Path forgedPng(Path target, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr =
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 64]);
        deflater.finish();
        byte[] z = new byte[4096];
        chunk(out, "IDAT", Arrays.copyOf(z, deflater.deflate(z)));
        chunk(out, "IEND", new byte[0]);
        return Files.write(target, bytes.toByteArray());
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

    /** A valid JPEG whose frame header (SOF0) is rewritten to declare {@code width x height}. */
    static Path jpegDeclaring(Path validJpeg, Path target, int width, int height)
            throws IOException {
        byte[] b = Files.readAllBytes(validJpeg);
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && ((b[i + 1] & 0xFF) == 0xC0 || (b[i + 1] & 0xFF) == 0xC2)) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return Files.write(target, b);
            }
        }
        throw new IllegalStateException("no SOF marker in " + validJpeg);
    }

    /** A 16-bit image written by ImageIO (grey or RGB). */
    static Path sixteenBit(Path target, int channels, int height, int width) throws IOException {
        BufferedImage img =
                channels == 1
                        ? new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY)
                        : new BufferedImage(
                                new java.awt.image.ComponentColorModel(
                                        java.awt.color.ColorSpace.getInstance(
                                                java.awt.color.ColorSpace.CS_sRGB),
                                        false,
                                        false,
                                        java.awt.Transparency.OPAQUE,
                                        java.awt.image.DataBuffer.TYPE_USHORT),
                                java.awt.image.Raster.createInterleavedRaster(
                                        java.awt.image.DataBuffer.TYPE_USHORT,
                                        width,
                                        height,
                                        3,
                                        null),
                                false,
                                null);
        WritableRaster r = img.getRaster();
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    r.setSample(x, y, c, (x * 4099 + y * 977 + c * 20011) & 0xFFFF);
                }
            }
        }
        write(img, "png", target);
        return target;
    }

    /** A 4-colour palette image (PNG, or GIF with {@code format = "gif"}). */
    static Path palette(Path target, String format, int height, int width) throws IOException {
        byte[] red = {0, (byte) 255, 0, (byte) 200};
        byte[] green = {0, 0, (byte) 255, (byte) 200};
        byte[] blue = {0, 0, 0, (byte) 50};
        BufferedImage img =
                new BufferedImage(
                        width,
                        height,
                        BufferedImage.TYPE_BYTE_INDEXED,
                        new IndexColorModel(2, 4, red, green, blue));
        WritableRaster r = img.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                r.setSample(x, y, 0, (x + 2 * y) % 4);
            }
        }
        write(img, format, target);
        return target;
    }

    /** A four-channel (CMYK-like, Adobe) JPEG, written from a raster as ImageIO allows. */
    static Path cmykJpeg(Path target, int height, int width) throws IOException {
        WritableRaster raster =
                java.awt.image.Raster.createInterleavedRaster(
                        java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 4; c++) {
                    raster.setSample(x, y, c, (x * 17 + y * 31 + c * 60) & 0xFF);
                }
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out =
                ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        return target;
    }

    private static void write(BufferedImage img, String format, Path target) throws IOException {
        if (!ImageIO.write(img, format, target.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    /** The parts of a safetensors file: header (JSON object) and data section. */
    record Safetensors(Map<String, Object> header, byte[] data) {
        static Safetensors read(Path file) throws IOException {
            byte[] b = Files.readAllBytes(file);
            long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            Map<String, Object> header =
                    new LinkedHashMap<>(
                            Json.parseObject(new String(b, 8, (int) n, StandardCharsets.UTF_8)));
            return new Safetensors(header, Arrays.copyOfRange(b, 8 + (int) n, b.length));
        }

        Path write(Path file) throws IOException {
            byte[] h = Json.write(header).getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf =
                    ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(h.length).put(h).put(data);
            return Files.write(file, buf.array());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> tensor(String name) {
            return (Map<String, Object>) header.get(name);
        }

        List<String> tensorNames() {
            return header.keySet().stream().filter(k -> !k.equals("__metadata__")).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata() {
            return (Map<String, Object>) header.get("__metadata__");
        }

        /** Every float32 value of the data section set by {@code value(i)}. */
        Safetensors withFloats(java.util.function.IntToDoubleFunction value) {
            ByteBuffer buf = ByteBuffer.wrap(data.clone()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.length / 4; i++) {
                buf.putFloat(4 * i, (float) value.applyAsDouble(i));
            }
            return new Safetensors(header, buf.array());
        }
    }

    /**
     * The weights with their second tensor's byte range pointed into the first's (same length where
     * one matches).
     */
    static Path overlapping(Path weights, Path target) throws IOException {
        Safetensors s = Safetensors.read(weights);
        List<String> names = s.tensorNames();
        Map<String, Object> first = s.tensor(names.get(0));
        List<?> firstRange = (List<?>) first.get("data_offsets");
        long firstLength =
                ((Number) firstRange.get(1)).longValue() - ((Number) firstRange.get(0)).longValue();
        String victim = names.get(1);
        for (String n : names.subList(1, names.size())) {
            List<?> r = (List<?>) s.tensor(n).get("data_offsets");
            if (((Number) r.get(1)).longValue() - ((Number) r.get(0)).longValue() <= firstLength) {
                victim = n;
                break;
            }
        }
        List<?> v = (List<?>) s.tensor(victim).get("data_offsets");
        long length = ((Number) v.get(1)).longValue() - ((Number) v.get(0)).longValue();
        long start = ((Number) firstRange.get(0)).longValue();
        Map<String, Object> t = new LinkedHashMap<>(s.tensor(victim));
        t.put("data_offsets", List.of(start, start + length));
        s.header().put(victim, t);
        return s.write(target);
    }

    /** The weights with the stored config changed ({@code key} set to {@code value}). */
    static Path withConfig(Path weights, Path target, String key, Object value) throws IOException {
        Safetensors s = Safetensors.read(weights);
        Map<String, Object> meta = new LinkedHashMap<>(s.metadata());
        Map<String, Object> config =
                new LinkedHashMap<>(Json.parseObject((String) meta.get("config")));
        config.put(key, value);
        meta.put("config", Json.write(config));
        s.header().put("__metadata__", meta);
        return s.write(target);
    }

    /** The weights with a raw metadata entry replaced. */
    static Path withMetadata(Path weights, Path target, String key, String value)
            throws IOException {
        Safetensors s = Safetensors.read(weights);
        Map<String, Object> meta = new LinkedHashMap<>(s.metadata());
        meta.put(key, value);
        s.header().put("__metadata__", meta);
        return s.write(target);
    }

    /** The weights with an 8-byte header length far beyond the file. */
    static Path hugeHeaderLength(Path weights, Path target) throws IOException {
        byte[] b = Files.readAllBytes(weights);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 60);
        return Files.write(target, b);
    }
}
