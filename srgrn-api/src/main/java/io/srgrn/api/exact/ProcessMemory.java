package io.srgrn.api.exact;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * This process's resident memory and the machine's available memory, from {@code /proc} on Linux,
 * else from the JVM's view (the heap in use, the free physical memory), which is what a budget has
 * to subtract before it sizes a tile.
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** Resident set size of this process in bytes (heap, natives, code). */
    public static long residentBytes() {
        long kib = kib(Path.of("/proc/self/status"), "VmRSS:");
        if (kib > 0) {
            return kib * 1024;
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Memory the machine can still give without swapping, in bytes ({@code MemAvailable}). */
    public static long availableBytes() {
        long kib = kib(Path.of("/proc/meminfo"), "MemAvailable:");
        if (kib > 0) {
            return kib * 1024;
        }
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static long kib(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
