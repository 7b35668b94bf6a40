package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every kernel source with a real NVRTC to CUBIN, with the options the backend uses
 * ({@link KernelCompiler#options}), for the architectures of the GPUs it targets. NVRTC is a host
 * library and needs no GPU, but JavaCPP's wrapper of it cannot load without the driver's
 * libcuda.so.1 (its presets inherit the CUDA runtime's), so this test calls libnvrtc directly
 * through JNA.
 *
 * <p>libnvrtc is looked up like the backend does ({@code -Dsrgrn.cuda.path} / {@code
 * SRGRN_CUDA_PATH}, then the system), e.g. from {@code pip download nvidia-cuda-nvrtc} unpacked;
 * without it the test is skipped with that reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NvrtcCompileTest {
    /** Ampere (A100), Ada (L4, RTX 40), Hopper (H100, H200). */
    private static final List<int[]> ARCHITECTURES =
            List.of(new int[] {8, 0}, new int[] {8, 9}, new int[] {9, 0});

    /** The part of NVRTC's C API this test needs. */
    public interface Nvrtc extends Library {
        int nvrtcVersion(IntByReference major, IntByReference minor);

        int nvrtcCreateProgram(
                PointerByReference prog,
                String src,
                String name,
                int numHeaders,
                Pointer headers,
                Pointer includeNames);

        int nvrtcCompileProgram(Pointer prog, int numOptions, String[] options);

        int nvrtcGetProgramLogSize(Pointer prog, LongByReference size);

        int nvrtcGetProgramLog(Pointer prog, Memory log);

        int nvrtcGetCUBINSize(Pointer prog, LongByReference size);

        int nvrtcGetCUBIN(Pointer prog, Memory cubin);

        int nvrtcDestroyProgram(PointerByReference prog);
    }

    private static final int RTLD_LAZY = 0x1;

    /**
     * libnvrtc finds libnvrtc-builtins only among globally loaded objects (a local load is not
     * enough).
     */
    private static final int RTLD_GLOBAL = 0x100;

    private Nvrtc nvrtc;

    static List<String> files() {
        return KernelSourceTest.files().stream().sorted().toList();
    }

    /**
     * Loads NVRTC once; without it each test is skipped with the reason (in each test, not in a
     * {@code @BeforeAll}, so that the build's report counts the skips and shows the reason).
     */
    private synchronized Nvrtc nvrtc() {
        if (nvrtc != null) {
            return nvrtc;
        }
        LibraryLocator locator = LibraryLocator.fromEnvironment();
        Optional<Path> lib = locator.locate(CudaLibrary.NVRTC.file());
        Assumptions.assumeTrue(
                lib.isPresent(),
                "NVRTC is not installed here: no "
                        + CudaLibrary.NVRTC.file()
                        + " in -D"
                        + LibraryLocator.PATH_PROPERTY
                        + ", "
                        + LibraryLocator.PATH_ENV
                        + " or the system folders (pip download nvidia-cuda-nvrtc, unpack, point SRGRN_CUDA_PATH at it)");
        // libnvrtc opens libnvrtc-builtins by soname at compile time: load the copy beside it
        // first, as the
        // backend's CudaRuntime does for a -Dsrgrn.cuda.path folder
        try (java.util.stream.Stream<Path> beside =
                java.nio.file.Files.list(lib.get().getParent())) {
            beside.filter(
                            p ->
                                    p.getFileName()
                                            .toString()
                                            .matches("libnvrtc-builtins\\.so\\.[0-9.]+"))
                    .sorted()
                    .findFirst()
                    .ifPresent(
                            p ->
                                    NativeLibrary.getInstance(
                                            p.toString(),
                                            java.util.Map.of(
                                                    Library.OPTION_OPEN_FLAGS,
                                                    RTLD_LAZY | RTLD_GLOBAL)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        nvrtc = Native.load(lib.get().toString(), Nvrtc.class);
        IntByReference major = new IntByReference();
        IntByReference minor = new IntByReference();
        assertThat(nvrtc.nvrtcVersion(major, minor)).isZero();
        System.out.println(
                "NVRTC " + major.getValue() + "." + minor.getValue() + " from " + lib.get());
        return nvrtc;
    }

    @ParameterizedTest(name = "{0}.cu")
    @MethodSource("files")
    void everyKernelCompilesToCubinForEveryTargetArchitecture(String file) {
        Nvrtc nvrtc = nvrtc();
        String source = KernelSource.generate(file, KernelSource.float32());
        for (int[] arch : ARCHITECTURES) {
            PointerByReference ref = new PointerByReference();
            assertThat(nvrtc.nvrtcCreateProgram(ref, source, file + ".cu", 0, null, null)).isZero();
            Pointer program = ref.getValue();
            try {
                List<String> options = KernelCompiler.options(arch[0], arch[1]);
                int status =
                        nvrtc.nvrtcCompileProgram(
                                program, options.size(), options.toArray(new String[0]));
                LongByReference logSize = new LongByReference();
                nvrtc.nvrtcGetProgramLogSize(program, logSize);
                String log = "";
                if (logSize.getValue() > 1) {
                    Memory m = new Memory(logSize.getValue());
                    nvrtc.nvrtcGetProgramLog(program, m);
                    log = m.getString(0, StandardCharsets.UTF_8.name());
                }
                assertThat(status)
                        .as(
                                "NVRTC status for %s.cu on sm_%d%d; log:%n%s",
                                file, arch[0], arch[1], log)
                        .isZero();
                assertThat(log.toLowerCase(java.util.Locale.ROOT))
                        .as("NVRTC warnings for %s.cu", file)
                        .doesNotContain("warning");
                LongByReference size = new LongByReference();
                assertThat(nvrtc.nvrtcGetCUBINSize(program, size)).isZero();
                assertThat(size.getValue())
                        .as("CUBIN of %s.cu for sm_%d%d", file, arch[0], arch[1])
                        .isPositive();
                Memory cubin = new Memory(size.getValue());
                assertThat(nvrtc.nvrtcGetCUBIN(program, cubin)).isZero();
                // an ELF image, with every kernel symbol of the file in it
                assertThat(cubin.getByteArray(0, 4)).containsExactly(0x7f, 'E', 'L', 'F');
                String image =
                        new String(
                                cubin.getByteArray(0, (int) size.getValue()),
                                StandardCharsets.ISO_8859_1);
                for (Kernel k : Kernel.values()) {
                    if (k.file().equals(file)) {
                        assertThat(image)
                                .as("CUBIN of %s.cu holds %s", file, k.symbol())
                                .contains(k.symbol());
                    }
                }
            } finally {
                nvrtc.nvrtcDestroyProgram(ref);
            }
        }
    }
}
