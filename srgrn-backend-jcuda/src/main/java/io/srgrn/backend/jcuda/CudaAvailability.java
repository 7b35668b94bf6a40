package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.NvidiaGpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the jcuda backend can run here, decided from files only (class-path resources, library
 * files, {@code /proc}): nothing is loaded, so it never crashes and never starts CUDA. The reason
 * names the first missing piece, driver first, then every other missing library, so one message
 * tells a user all that needs installing.
 */
final class CudaAvailability {
    static final String PRESETS_CLASS = "org/bytedeco/cuda/global/cudart.class";

    private CudaAvailability() {}

    /**
     * The verdict from the given facts (all of them measurable without CUDA: testable anywhere).
     */
    static Availability decide(
            boolean presetClasses,
            boolean presetNatives,
            String platform,
            Map<CudaLibrary, Optional<Path>> libraries,
            int gpus) {
        if (!presetClasses) {
            return Availability.no(
                    "JavaCPP's CUDA presets are not on the class path: add org.bytedeco:cuda:"
                            + "13.1-9.19-1.5.13");
        }
        if (!presetNatives) {
            return Availability.no(
                    "no JNI wrappers of JavaCPP's CUDA presets for platform "
                            + platform
                            + " on the class path: add org.bytedeco:cuda:13.1-9.19-1.5.13 with classifier "
                            + platform);
        }
        List<String> missing = new ArrayList<>();
        for (CudaLibrary lib : CudaLibrary.values()) {
            if (libraries.getOrDefault(lib, Optional.empty()).isEmpty()) {
                missing.add(lib.description());
            }
        }
        if (!missing.isEmpty()) {
            return Availability.no(
                    "missing "
                            + missing.get(0)
                            + (missing.size() > 1
                                    ? "; also missing: "
                                            + String.join("; ", missing.subList(1, missing.size()))
                                    : "")
                            + (gpus == 0 ? "; and no NVIDIA GPU is visible" : "")
                            + " (point -D"
                            + LibraryLocator.PATH_PROPERTY
                            + " or "
                            + LibraryLocator.PATH_ENV
                            + " at a folder holding them, see the module README)");
        }
        if (gpus == 0) {
            return Availability.no(
                    "no NVIDIA GPU is visible (/proc/driver/nvidia/gpus and /dev/nvidia* are empty)");
        }
        return Availability.yes(
                "CUDA libraries found ("
                        + libraries.get(CudaLibrary.CUDART).orElseThrow().getParent()
                        + "), "
                        + gpus
                        + " NVIDIA GPU(s) visible to the driver");
    }

    /** The verdict for this process. */
    static Availability here(ClassLoader loader, String platform, LibraryLocator locator) {
        boolean classes = loader.getResource(PRESETS_CLASS) != null;
        boolean natives =
                loader.getResource("org/bytedeco/cuda/" + platform + "/libjnicudart.so") != null
                        || loader.getResource("org/bytedeco/cuda/" + platform + "/jnicudart.dll")
                                != null;
        return decide(classes, natives, platform, locator.locateAll(), NvidiaGpus.visible());
    }
}
