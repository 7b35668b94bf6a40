package io.srgrn.api.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's oneDNN off the CPU kernels that compute wrong convolution gradients.
 *
 * <p>On AMD EPYC CPUs with AVX-512 (this project's machines), oneDNN's AVX, AVX2 and AVX-512
 * convolution kernels in both libtorch builds (DJL's, JavaCPP's) return wrong or NaN gradients now
 * and then; its SSE4.1 kernels are right (docs/RESULTS.md, "oneDNN": 26-31 of 124 kit cases failed
 * with the default, none with SSE4.1). oneDNN reads {@code DNNL_MAX_CPU_ISA} from the process
 * environment once, before its first kernel, so a backend calls {@link #apply} before it loads
 * libtorch, as the {@code srgrn} launcher does before the JVM starts.
 *
 * <p>The system property {@value #ISA_PROPERTY} decides: {@code auto} (the default) sets {@code
 * SSE41} on AMD CPUs with AVX-512 only; {@code none} leaves oneDNN alone; any other value (e.g.
 * {@code AVX2}) is set as given. A value already in the environment always wins.
 */
public final class OneDnnDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnDefaults.class);

    /** The variable oneDNN reads before its first kernel. */
    public static final String MAX_CPU_ISA = "DNNL_MAX_CPU_ISA";

    /** System property: {@code auto}, {@code none} or an ISA name for {@value #MAX_CPU_ISA}. */
    public static final String ISA_PROPERTY = "srgrn.onednn.maxCpuIsa";

    /** What {@code auto} chooses on the CPUs it applies to. */
    static final String SAFE_ISA = "SSE41";

    private static Outcome outcome;

    private OneDnnDefaults() {}

    /** What {@link #apply} did; for logs and tests. */
    public enum Outcome {
        /** The variable was set in the process environment before libtorch loaded. */
        SET,
        /** The environment already had a value; it is kept. */
        USER_VALUE_KEPT,
        /** {@code auto} on a CPU that does not need it. */
        NOT_NEEDED,
        /** {@value #ISA_PROPERTY} is {@code none}. */
        DISABLED,
        /** libtorch was already loaded in this JVM: too late to take effect. */
        TOO_LATE,
        /** This platform or class path gives no way to change the process environment. */
        UNSUPPORTED
    }

    /**
     * Applies the setting for the libtorch about to be loaded by {@code backend}; only the first
     * call acts.
     */
    public static synchronized Outcome apply(String backend) {
        if (outcome == null) {
            outcome = decide(backend, System.getProperty(ISA_PROPERTY, "auto"), cpuInfo());
            LOG.debug("{} for backend '{}': {}", MAX_CPU_ISA, backend, outcome);
        }
        return outcome;
    }

    static Outcome decide(String backend, String property, String cpuInfo) {
        String wanted = property.trim();
        if (wanted.equalsIgnoreCase("none")) {
            return Outcome.DISABLED;
        }
        if (ProcessEnvironment.get(MAX_CPU_ISA) != null) {
            return Outcome.USER_VALUE_KEPT;
        }
        if (wanted.equalsIgnoreCase("auto")) {
            if (!needsSafeKernels(cpuInfo)) {
                return Outcome.NOT_NEEDED;
            }
            wanted = SAFE_ISA;
        }
        String isa = wanted.toUpperCase(Locale.ROOT);
        if (ProcessEnvironment.libraryLoaded("libtorch_cpu")) {
            LOG.warn(
                    "libtorch is already loaded in this JVM, so backend '{}' cannot set {}={}; on AMD CPUs with "
                            + "AVX-512, training gradients may be wrong: start the JVM with {}={}",
                    backend,
                    MAX_CPU_ISA,
                    isa,
                    MAX_CPU_ISA,
                    isa);
            return Outcome.TOO_LATE;
        }
        try {
            ProcessEnvironment.setIfAbsent(MAX_CPU_ISA, isa);
        } catch (UnsupportedOperationException e) {
            LOG.warn(
                    "cannot set {}={} in this process ({}); on AMD CPUs with AVX-512, training gradients may be "
                            + "wrong: start the JVM with it set",
                    MAX_CPU_ISA,
                    isa,
                    e.getMessage());
            return Outcome.UNSUPPORTED;
        }
        LOG.info(
                "{}={} set for backend '{}' (oneDNN's wider kernels compute wrong gradients on this CPU; "
                        + "-D{}=none to keep them)",
                MAX_CPU_ISA,
                isa,
                backend,
                ISA_PROPERTY);
        return Outcome.SET;
    }

    /** AMD CPUs with AVX-512: where the wrong gradients were measured. */
    /** True on this machine's CPU: an AMD CPU with AVX-512, where {@code auto} picks SSE4.1. */
    public static boolean needsSafeKernels() {
        return needsSafeKernels(cpuInfo());
    }

    static boolean needsSafeKernels(String cpuInfo) {
        return cpuInfo.contains("AuthenticAMD") && cpuInfo.contains("avx512f");
    }

    /** The value oneDNN would read now, or null. */
    public static String processValue() {
        return ProcessEnvironment.get(MAX_CPU_ISA);
    }

    private static String cpuInfo() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            return Files.isReadable(info) ? Files.readString(info) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
