package io.srgrn.api.weights;

import io.srgrn.api.json.Json;
import io.srgrn.api.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (as PyTorch's {@code safetensors} package does): an
 * 8-byte little-endian header length, a JSON header mapping each tensor name to its dtype, shape
 * and byte range, an optional {@code __metadata__} object of strings, then the raw little-endian
 * data.
 *
 * <p>Reading accepts F32, F16, BF16 and F64 (converted to float32) and checks every offset, so a
 * truncated or inconsistent file fails with the file and tensor named. Writing emits F32 and is
 * atomic: the file appears complete or not at all.
 */
public final class Safetensors {
    private static final String METADATA = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    public static SafetensorsFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read weights file " + file + ": " + IoReasons.of(e), e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses an in-memory safetensors image; {@code source} names it in errors. */
    public static SafetensorsFile parse(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new WeightsFormatException(
                    source + ": not a safetensors file (only " + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buf.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > bytes.length) {
            throw new WeightsFormatException(
                    source
                            + ": invalid safetensors header length "
                            + headerLength
                            + " for a file of "
                            + bytes.length
                            + " bytes (truncated or not safetensors)");
        }
        int dataStart = (int) (8 + headerLength);
        Map<?, ?> header;
        try {
            Object parsed =
                    Json.parse(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new WeightsFormatException(
                        source + ": safetensors header is not a JSON object");
            }
            header = m;
        } catch (IllegalArgumentException e) {
            throw new WeightsFormatException(
                    source + ": unreadable safetensors header: " + e.getMessage(), e);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        long dataLength = bytes.length - dataStart;
        List<long[]> spans = new ArrayList<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals(METADATA)) {
                if (!(e.getValue() instanceof Map<?, ?> meta)) {
                    throw new WeightsFormatException(
                            source + ": __metadata__ must be an object of strings");
                }
                for (Map.Entry<?, ?> m : meta.entrySet()) {
                    if (!(m.getValue() instanceof String value)) {
                        throw new WeightsFormatException(
                                source + ": __metadata__." + m.getKey() + " must be a string");
                    }
                    metadata.put((String) m.getKey(), value);
                }
                continue;
            }
            tensors.put(name, readTensor(buf, dataStart, dataLength, name, e.getValue(), source));
            spans.add(offsets(e.getValue()));
        }
        requireContiguous(spans, new ArrayList<>(tensors.keySet()), dataLength, source);
        return new SafetensorsFile(tensors, metadata);
    }

    /** The checked [begin, end) of a tensor entry that {@link #readTensor} accepted. */
    private static long[] offsets(Object info) {
        List<?> o = (List<?>) ((Map<?, ?>) info).get("data_offsets");
        return new long[] {(Long) o.get(0), (Long) o.get(1)};
    }

    /**
     * As the format's reference implementation requires: the tensors' byte ranges, in offset order,
     * follow each other with no gap and no overlap and end exactly at the end of the file, so no
     * byte is read as two tensors and none is left unexplained.
     */
    private static void requireContiguous(
            List<long[]> spans, List<String> names, long dataLength, String source) {
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) ->
                        spans.get(a)[0] != spans.get(b)[0]
                                ? Long.compare(spans.get(a)[0], spans.get(b)[0])
                                : Long.compare(spans.get(a)[1], spans.get(b)[1]));
        long expected = 0;
        String previous = null;
        for (int i : order) {
            long[] span = spans.get(i);
            if (span[0] != expected) {
                throw new WeightsFormatException(
                        source
                                + ": tensor '"
                                + names.get(i)
                                + "' has data_offsets ["
                                + span[0]
                                + ", "
                                + span[1]
                                + "] but "
                                + (previous == null
                                        ? "the data starts at 0"
                                        : "'" + previous + "' ends at " + expected)
                                + " ("
                                + (span[0] < expected ? "overlapping" : "a gap between")
                                + " tensors)");
            }
            expected = span[1];
            previous = names.get(i);
        }
        if (expected != dataLength) {
            throw new WeightsFormatException(
                    source
                            + ": the tensors cover "
                            + expected
                            + " bytes of a data section of "
                            + dataLength
                            + " bytes (trailing bytes after the last tensor)");
        }
    }

    private static Tensor readTensor(
            ByteBuffer buf,
            int dataStart,
            long dataLength,
            String name,
            Object info,
            String source) {
        String where = source + ": tensor '" + name + "'";
        if (!(info instanceof Map<?, ?> m)
                || !(m.get("dtype") instanceof String dtype)
                || !(m.get("shape") instanceof List<?> shapeList)
                || !(m.get("data_offsets") instanceof List<?> offsets)
                || offsets.size() != 2) {
            throw new WeightsFormatException(
                    where + " has no valid dtype/shape/data_offsets entry");
        }
        int[] shape = new int[shapeList.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long dim) || dim < 0 || dim > Integer.MAX_VALUE) {
                throw new WeightsFormatException(where + " has an invalid shape " + shapeList);
            }
            shape[i] = (int) (long) dim;
        }
        if (!(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)) {
            throw new WeightsFormatException(where + " has invalid data_offsets " + offsets);
        }
        int elementSize =
                switch (dtype) {
                    case "F32" -> 4;
                    case "F16", "BF16" -> 2;
                    case "F64" -> 8;
                    default ->
                            throw new WeightsFormatException(
                                    where
                                            + " has dtype "
                                            + dtype
                                            + "; supported: F32, F16, BF16, F64");
                };
        long count = Tensor.elementCount(shape);
        if (begin < 0 || end < begin || end > dataLength) {
            throw new WeightsFormatException(
                    where
                            + " has data_offsets ["
                            + begin
                            + ", "
                            + end
                            + "] outside the data section of "
                            + dataLength
                            + " bytes (truncated file?)");
        }
        if (end - begin != count * elementSize) {
            throw new WeightsFormatException(
                    where
                            + " of dtype "
                            + dtype
                            + " and shape "
                            + Arrays.toString(shape)
                            + " needs "
                            + count * elementSize
                            + " bytes but data_offsets span "
                            + (end - begin));
        }
        float[] data = new float[(int) count];
        int at = (int) (dataStart + begin);
        for (int i = 0; i < data.length; i++) {
            data[i] =
                    switch (dtype) {
                        case "F32" -> buf.getFloat(at + 4 * i);
                        case "F64" -> (float) buf.getDouble(at + 8 * i);
                        case "F16" -> halfToFloat(buf.getShort(at + 2 * i));
                        default -> Float.intBitsToFloat((buf.getShort(at + 2 * i) & 0xffff) << 16);
                    };
        }
        return Tensor.of(data, shape);
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Writes {@code tensors} as F32 with {@code metadata}, atomically (temp file, then move). */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        AtomicFiles.write(file, serialize(tensors, metadata));
    }

    /** The safetensors image of {@code tensors} (F32, in map order) with {@code metadata}. */
    public static byte[] serialize(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("a tensor may not be named " + METADATA);
            }
            Tensor t = e.getValue();
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) {
                shape.add((long) d);
            }
            long size = 4L * t.size();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", "F32");
            info.put("shape", shape);
            info.put("data_offsets", List.of(offset, offset + size));
            header.put(e.getKey(), info);
            offset += size;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        // Pad the header with spaces so the data starts 8-byte aligned, as the reference writer
        // does.
        int padded = (json.length + 7) / 8 * 8;
        if (8L + padded + offset > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "weights too large for one file: " + offset + " bytes");
        }
        ByteBuffer out =
                ByteBuffer.allocate((int) (8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }
}
