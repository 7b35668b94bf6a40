package io.srgrn.backend.djl;

import io.srgrn.api.spi.NvidiaGpus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for an NVIDIA driver and a CUDA runtime by file name only: nothing is loaded, so asking is
 * free and safe on machines without a GPU.
 *
 * @param gpuCount GPUs listed under {@code /proc/driver/nvidia/gpus}, or 1 when only the driver
 *     library is visible (containers without {@code /proc/driver/nvidia}); 0 without a driver
 * @param driverLibrary where {@code libcuda.so.1} was found, or null
 * @param cudaRuntime where a {@code libcudart.so*} was found, or null; DJL detects CUDA through it
 */
record CudaProbe(int gpuCount, Path driverLibrary, Path cudaRuntime) {

    private static final List<String> SYSTEM_DIRS =
            List.of(
                    "/usr/lib/x86_64-linux-gnu",
                    "/usr/lib64",
                    "/usr/lib",
                    "/lib/x86_64-linux-gnu",
                    "/lib64",
                    "/usr/local/cuda/lib64",
                    "/usr/local/nvidia/lib64",
                    "/usr/lib/wsl/lib");

    static CudaProbe scan() {
        List<Path> dirs = libraryDirs();
        Path driver = find(dirs, "libcuda.so.1");
        Path runtime = find(dirs, "libcudart.so");
        int fromProc = NvidiaGpus.visible();
        int gpus = fromProc > 0 ? fromProc : driver != null ? 1 : 0;
        return new CudaProbe(gpus, driver, runtime);
    }

    boolean driverVisible() {
        return gpuCount > 0;
    }

    private static List<Path> libraryDirs() {
        Set<String> dirs = new LinkedHashSet<>();
        for (String var :
                new String[] {
                    System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path")
                }) {
            if (var != null) {
                for (String d : var.split(File.pathSeparator)) {
                    if (!d.isBlank()) {
                        dirs.add(d);
                    }
                }
            }
        }
        dirs.addAll(ldConfigDirs());
        dirs.addAll(SYSTEM_DIRS);
        List<Path> out = new ArrayList<>();
        dirs.forEach(d -> out.add(Path.of(d)));
        return out;
    }

    /**
     * Directories the dynamic linker is configured with (/etc/ld.so.conf.d), where CUDA installs
     * usually register.
     */
    private static List<String> ldConfigDirs() {
        List<String> out = new ArrayList<>();
        Path confDir = Path.of("/etc/ld.so.conf.d");
        if (!Files.isDirectory(confDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(confDir)) {
            for (Path conf :
                    files.filter(f -> f.getFileName().toString().endsWith(".conf"))
                            .sorted()
                            .toList()) {
                for (String line : Files.readAllLines(conf)) {
                    String d = line.strip();
                    if (d.startsWith("/")) {
                        out.add(d);
                    }
                }
            }
        } catch (Exception e) {
            // unreadable configuration: fall back to the fixed directories
        }
        return out;
    }

    /**
     * The first file in {@code dirs} whose name is {@code prefix} or starts with {@code prefix +
     * "."}.
     */
    private static Path find(List<Path> dirs, String prefix) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Path exact = dir.resolve(prefix);
            if (Files.exists(exact)) {
                return exact;
            }
            try (Stream<Path> s = Files.list(dir)) {
                Path hit =
                        s.filter(p -> p.getFileName().toString().startsWith(prefix + "."))
                                .findFirst()
                                .orElse(null);
                if (hit != null) {
                    return hit;
                }
            } catch (Exception e) {
                // unreadable directory: keep looking elsewhere
            }
        }
        return null;
    }
}
