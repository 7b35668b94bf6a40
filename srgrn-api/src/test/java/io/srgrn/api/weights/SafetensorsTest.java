package io.srgrn.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir Path dir;

    @Test
    void roundTripIsBitExactWithMetadata() throws Exception {
        Random random = new Random(7);
        float[] a = new float[5 * 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
        }
        a[0] = Float.MIN_VALUE; // subnormal survives
        a[1] = -0.0f;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("a.weight", Tensor.of(a, 5, 3));
        tensors.put("gamma", Tensor.scalar(0.25f));
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, tensors, Map.of("note", "quote \" and \u00e9"));

        SafetensorsFile back = Safetensors.read(file);
        assertThat(back.metadata()).containsEntry("note", "quote \" and \u00e9");
        assertThat(back.tensor("a.weight").bitEquals(tensors.get("a.weight"))).isTrue();
        assertThat(Float.floatToRawIntBits(back.tensor("a.weight").data()[1]))
                .isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(back.tensor("gamma").shape()).containsExactly(1);
        // header length is a multiple of 8, so the data section is aligned as in the reference
        // writer
        long headerLength =
                ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
        try (var stream = Files.list(dir)) {
            assertThat(stream.map(p -> p.getFileName().toString()))
                    .containsExactly("w.safetensors");
        }
    }

    @Test
    void readsHalfBfloatAndDoublePrecision() {
        // hand-encoded values: F16 0x3C00 = 1, 0xC000 = -2, 0x7BFF = 65504, 0x0001 = 2^-24; BF16
        // 0x3F80 = 1, 0xC0A0 = -5
        ByteBuffer data = ByteBuffer.allocate(8 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00)
                .putShort((short) 0xC000)
                .putShort((short) 0x7BFF)
                .putShort((short) 0x0001);
        data.putShort((short) 0x3F80).putShort((short) 0xC0A0);
        data.putDouble(0.1);
        String header =
                "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                        + "\"d\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[12,20]}}";
        SafetensorsFile f = Safetensors.parse(image(header, data.array()), "mem");
        assertThat(f.tensor("h").data()).containsExactly(1f, -2f, 65504f, (float) Math.pow(2, -24));
        assertThat(f.tensor("b").data()).containsExactly(1f, -5f);
        assertThat(f.tensor("d").data()).containsExactly(0.1f);
        assertThat(f.tensor("d").shape()).isEmpty();
    }

    @Test
    void truncatedFileNamesFileAndTensor() throws Exception {
        Path file = dir.resolve("t.safetensors");
        Safetensors.write(file, Map.of("x", Tensor.zeros(4, 4)), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> Safetensors.read(cut))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("tensor 'x'")
                .hasMessageContaining("truncated");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> Safetensors.read(tiny))
                .hasMessageContaining(tiny.toString())
                .hasMessageContaining("not a safetensors file");
    }

    @Test
    void rejectsInconsistentHeaders() {
        assertThatThrownBy(
                        () ->
                                Safetensors.parse(
                                        image(
                                                "{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}",
                                                new byte[8]),
                                        "f"))
                .hasMessageContaining("tensor 'x'")
                .hasMessageContaining("needs 12 bytes");
        assertThatThrownBy(
                        () ->
                                Safetensors.parse(
                                        image(
                                                "{\"x\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,1]}}",
                                                new byte[1]),
                                        "f"))
                .hasMessageContaining("dtype I8");
        assertThatThrownBy(() -> Safetensors.parse(image("{\"x\":", new byte[0]), "f"))
                .hasMessageContaining("unreadable safetensors header");
        byte[] bogus = new byte[16];
        ByteBuffer.wrap(bogus).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        assertThatThrownBy(() -> Safetensors.parse(bogus, "f"))
                .hasMessageContaining("invalid safetensors header length");
    }

    /**
     * Issue 11: one tensor's bytes inside another's were accepted; the reference implementation
     * refuses them.
     */
    @Test
    void rejectsOverlappingGappedOrUncoveredData() {
        String overlap =
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertThatThrownBy(() -> Safetensors.parse(image(overlap, new byte[8]), "f.safetensors"))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("f.safetensors")
                .hasMessageContaining("tensor 'b'")
                .hasMessageContaining("overlapping");
        String gap =
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertThatThrownBy(() -> Safetensors.parse(image(gap, new byte[12]), "f"))
                .hasMessageContaining("gap");
        String trailing = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertThatThrownBy(() -> Safetensors.parse(image(trailing, new byte[9]), "f"))
                .hasMessageContaining("trailing");
        // the same tensors laid out one after the other are fine, in any header order
        String good =
                "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertThat(Safetensors.parse(image(good, new byte[12]), "f").tensor("a").shape())
                .containsExactly(2);
    }

    private static byte[] image(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out =
                ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(data);
        return out.array();
    }
}
