package io.srgrn.api.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * NVIDIA GPUs the kernel driver exposes, counted from {@code /proc} and {@code /dev} without CUDA:
 * what a backend's availability check may read without loading any native library.
 */
public final class NvidiaGpus {
    private NvidiaGpus() {}

    /**
     * One folder per GPU in {@code /proc/driver/nvidia/gpus}, else the {@code /dev/nvidiaN} nodes;
     * 0 without a driver.
     */
    public static int visible() {
        Path gpus = Path.of("/proc/driver/nvidia/gpus");
        if (Files.isDirectory(gpus)) {
            try (Stream<Path> s = Files.list(gpus)) {
                return (int) s.count();
            } catch (IOException e) {
                return 0;
            }
        }
        Path dev = Path.of("/dev");
        if (!Files.isDirectory(dev)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dev)) {
            return (int) s.filter(p -> p.getFileName().toString().matches("nvidia[0-9]+")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
