package io.srgrn.backend.djl;

import io.srgrn.api.spi.Availability;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides, from what is on the class path and what the machine shows, which libtorch DJL will load
 * and whether that works offline; never loads anything. The reasons are meant for people: they say
 * what is missing and which Maven coordinates provide it.
 */
final class NativeSelection {
    static final String CPU_COORDINATES =
            "ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64) with "
                    + "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0";
    static final String GPU_COORDINATES =
            "the Maven profile -Pdjl-gpu (DJL 0.33.0, pytorch-jni 2.5.1-0.33.0, "
                    + "pytorch-native-cu124 2.5.1 linux-x86_64)";

    private final NativeBundle bundle;
    private final CudaProbe cuda;
    private final Function<String, String> settings;

    /**
     * {@code settings} reads DJL's knobs the way DJL does: environment variable, else system
     * property.
     */
    NativeSelection(NativeBundle bundle, CudaProbe cuda, Function<String, String> settings) {
        this.bundle = bundle;
        this.cuda = cuda;
        this.settings = settings;
    }

    static String envOrProperty(String key) {
        String env = System.getenv(key);
        return env != null ? env : System.getProperty(key);
    }

    /**
     * Whether the CPU can be used: the engine, a consistent JNI + native pair, no download-forcing
     * override.
     */
    Availability cpu() {
        if (!bundle.engineClasses()) {
            return Availability.no(
                    "DJL's PyTorch engine is not on the class path: add ai.djl:api and "
                            + "ai.djl.pytorch:pytorch-engine 0.36.0");
        }
        String override = settings.apply("PYTORCH_LIBRARY_PATH");
        if (override != null && !override.isBlank()) {
            return Availability.yes(
                    "libtorch from PYTORCH_LIBRARY_PATH="
                            + override
                            + " (DJL's own choice; its version is not checked here)");
        }
        List<NativeBundle.Native> mine = bundle.forPlatform();
        if (mine.isEmpty()) {
            if (!bundle.natives().isEmpty()) {
                return Availability.no(
                        "the libtorch native jar(s) "
                                + bundle.natives()
                                + " are not built for this platform ("
                                + NativeBundle.platform()
                                + "); add the jar with classifier "
                                + NativeBundle.platform());
            }
            return Availability.no(
                    "no libtorch native jar on the class path (DJL would try to download libtorch, "
                            + "which this backend forbids): add "
                            + CPU_COORDINATES);
        }
        NativeBundle.Native chosen = chosen(mine);
        String problem = problemWith(chosen);
        if (problem != null) {
            return Availability.no(problem);
        }
        return Availability.yes(
                "DJL "
                        + bundle.engineDjlVersion()
                        + " with "
                        + chosen
                        + ", loaded from the class path");
    }

    /** Whether CUDA device {@code index} can be used; the CPU checks come first. */
    Availability cuda(int index) {
        Availability base = cpu();
        if (!base.available()) {
            return base;
        }
        Optional<NativeBundle.Native> cudaNative =
                bundle.forPlatform().stream().filter(NativeBundle.Native::isCuda).findFirst();
        if (cudaNative.isEmpty()) {
            return Availability.no(
                    "no CUDA libtorch jar on the class path (only "
                            + bundle.forPlatform()
                            + "); use "
                            + GPU_COORDINATES);
        }
        if (!cuda.driverVisible()) {
            return Availability.no(
                    "no CUDA device: no NVIDIA driver visible (/proc/driver/nvidia/gpus empty, "
                            + "libcuda.so.1 not found)");
        }
        if (cuda.cudaRuntime() == null) {
            return Availability.no(
                    "NVIDIA driver found but no CUDA runtime (libcudart.so) on LD_LIBRARY_PATH or the "
                            + "system library directories: DJL detects CUDA through it and would otherwise ignore "
                            + cudaNative.get());
        }
        if (index >= cuda.gpuCount()) {
            return Availability.no(
                    "no CUDA device cuda:" + index + "; " + cuda.gpuCount() + " visible");
        }
        return Availability.yes("CUDA device cuda:" + index + " with " + cudaNative.get());
    }

    int cudaDeviceCount() {
        return cuda(0).available() ? cuda.gpuCount() : 0;
    }

    /**
     * DJL's choice among the jars for this platform: CUDA flavours only where it can detect CUDA,
     * then the highest flavour name (cu124 before cpu), as {@code ai.djl.util.Platform} sorts them.
     */
    private NativeBundle.Native chosen(List<NativeBundle.Native> mine) {
        boolean cudaDetectable = cuda.driverVisible() && cuda.cudaRuntime() != null;
        return mine.stream()
                .filter(n -> !n.isCuda() || cudaDetectable)
                .max(
                        Comparator.comparing(NativeBundle.Native::flavor)
                                .thenComparing(NativeBundle.Native::version))
                .orElse(mine.get(0));
    }

    private String problemWith(NativeBundle.Native n) {
        if (n.isCuda() && !(cuda.driverVisible() && cuda.cudaRuntime() != null)) {
            return "only a CUDA libtorch jar ("
                    + n
                    + ") is on the class path but DJL cannot detect CUDA here "
                    + "(no NVIDIA driver or no libcudart.so), so it would try to download a CPU libtorch; add "
                    + CPU_COORDINATES;
        }
        if (bundle.jniVersion() == null) {
            return "DJL's JNI glue jar is missing (DJL would try to download it): add ai.djl.pytorch:pytorch-jni:"
                    + n.libtorchVersion()
                    + "-"
                    + bundle.engineDjlVersion();
        }
        if (!bundle.jniMatches(n)) {
            return "pytorch-jni "
                    + bundle.jniVersion()
                    + " does not match "
                    + n
                    + " and DJL "
                    + bundle.engineDjlVersion()
                    + " (DJL would try to download a matching one): use pytorch-jni:"
                    + n.libtorchVersion()
                    + "-"
                    + bundle.engineDjlVersion();
        }
        if (!bundle.hasJniLibrary(n.flavor())) {
            return "pytorch-jni "
                    + bundle.jniVersion()
                    + " has no JNI library for "
                    + NativeBundle.platform()
                    + "/"
                    + n.flavor()
                    + " (DJL would try to download it)";
        }
        String version = settings.apply("PYTORCH_VERSION");
        if (version != null && !version.isBlank() && !n.version().startsWith(version.trim())) {
            return "PYTORCH_VERSION="
                    + version
                    + " differs from the bundled "
                    + n
                    + " and would make DJL download libtorch: unset it";
        }
        String flavor = settings.apply("PYTORCH_FLAVOR");
        if (flavor != null && !flavor.isBlank() && !flavor.trim().equals(n.flavor())) {
            return "PYTORCH_FLAVOR="
                    + flavor
                    + " differs from the bundled "
                    + n
                    + " and would make DJL download libtorch: unset it";
        }
        return null;
    }
}
