package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The GPU-free checks of the kernels: every source generates without leftover placeholders, and
 * every {@code extern "C" __global__} signature equals the argument list the Java side launches it
 * with.
 */
class KernelSourceTest {

    static Set<String> files() {
        Set<String> files = new HashSet<>();
        Arrays.stream(Kernel.values()).forEach(k -> files.add(k.file()));
        return files;
    }

    @Test
    void everySourceGeneratesWithAllPlaceholdersFilled() {
        for (String file : files()) {
            String source = KernelSource.generate(file, KernelSource.float32());
            assertThat(source).as(file).doesNotContain("${").contains("extern \"C\" __global__");
            assertThat(KernelSource.raw(file))
                    .as("the raw %s uses the type placeholder", file)
                    .contains("${T}");
        }
    }

    @Test
    void anUnknownOrMissingPlaceholderFailsWithItsName() {
        assertThatThrownBy(
                        () ->
                                KernelSource.fill(
                                        "${T} x; ${WIDTH} y;", KernelSource.float32(), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${WIDTH}");
        assertThat(
                        KernelSource.fill(
                                "a ${T} b ${BLOCK}", Map.of("T", "double", "BLOCK", "128"), "t"))
                .isEqualTo("a double b 128");
        assertThatThrownBy(() -> KernelSource.raw("no_such_kernel"))
                .hasMessageContaining("no_such_kernel.cu");
    }

    @Test
    void everyJavaLaunchMatchesTheKernelSignatureParameterByParameter() {
        for (Kernel k : Kernel.values()) {
            Map<String, KernelSignature> parsed =
                    KernelSignature.parse(KernelSource.generate(k.file(), KernelSource.float32()));
            assertThat(parsed)
                    .as("kernels/%s.cu defines %s", k.file(), k.symbol())
                    .containsKey(k.symbol());
            assertThat(parsed.get(k.symbol()).paramTypes())
                    .as("parameters of %s", k.symbol())
                    .containsExactlyElementsOf(KernelSignature.typesOf(k.args()));
        }
    }

    @Test
    void everyKernelInTheSourcesHasAJavaLaunch() {
        Set<String> declared = new HashSet<>();
        Arrays.stream(Kernel.values()).forEach(k -> declared.add(k.symbol()));
        for (String file : files()) {
            for (String name :
                    KernelSignature.parse(KernelSource.generate(file, KernelSource.float32()))
                            .keySet()) {
                assertThat(declared)
                        .as("kernel %s of %s.cu has an entry in Kernel", name, file)
                        .contains(name);
            }
        }
    }

    @Test
    void theSignatureParserReadsTypesAndCatchesAMismatch() {
        String src =
                "extern \"C\" __global__ void k(float* out, const float *in, int n, long long m) {}\n"
                        + "extern \"C\" __global__ void e() { }";
        Map<String, KernelSignature> parsed = KernelSignature.parse(src);
        assertThat(parsed.get("k").paramTypes())
                .containsExactly("float*", "const float*", "int", "long long");
        assertThat(parsed.get("e").paramTypes()).isEmpty();
        assertThat(parsed.get("k").paramTypes())
                .isNotEqualTo(
                        KernelSignature.typesOf(
                                List.of(
                                        KernelArg.POINTER,
                                        KernelArg.CONST_POINTER,
                                        KernelArg.INT,
                                        KernelArg.INT)));
    }

    @Test
    void launchArgumentsAreCheckedBeforeAnythingNative() {
        KernelArguments ok = KernelArguments.of(Kernel.RELU_FORWARD, 0x100L, 0x200L, 10L);
        assertThat(ok.values()).containsExactly(0x100L, 0x200L, 10L);
        assertThatThrownBy(() -> KernelArguments.of(Kernel.RELU_FORWARD, 0x100L, 0x200L))
                .hasMessageContaining("takes 3 arguments");
        assertThatThrownBy(() -> KernelArguments.of(Kernel.RELU_FORWARD, 0x100L, 0L, 10L))
                .hasMessageContaining("null device pointer");
        assertThatThrownBy(() -> KernelArguments.of(Kernel.RELU_FORWARD, 0x100L, 0x200L, 10))
                .hasMessageContaining("argument 2");
        assertThatThrownBy(
                        () -> KernelArguments.of(Kernel.LEAKY_RELU_FORWARD, 1L, 2L, Float.NaN, 3L))
                .hasMessageContaining("finite Float");
        assertThatThrownBy(() -> KernelArguments.of(Kernel.ADD_INTO, 1L, 2L, -1L))
                .hasMessageContaining(">= 0");
    }

    @Test
    void gridsCoverEveryElementAndReductionsUseBoundedBlocks() {
        assertThat(KernelArguments.gridFor(0)).isEqualTo(1);
        assertThat(KernelArguments.gridFor(257)).isEqualTo(2);
        assertThat((long) KernelArguments.gridFor(1L << 40) * KernelSource.BLOCK).isPositive();
        assertThat(Reductions.blocks(1)).isEqualTo(1);
        assertThat(Reductions.blocks(1L << 30)).isEqualTo(Reductions.MAX_BLOCKS);
        assertThat(Integer.bitCount(KernelSource.BLOCK))
                .as("reduce.cu needs a power-of-two block")
                .isEqualTo(1);
        assertThat(Reductions.MAX_BLOCKS)
                .isLessThanOrEqualTo(KernelSource.BLOCK * KernelSource.BLOCK);
    }
}
