package io.srgrn.api.spi;

import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes glibc hand freed tensor memory back to the system at once, for a process that keeps to a
 * memory budget.
 *
 * <p>glibc serves blocks below its mmap threshold from its own heaps and keeps them when they are
 * freed; the threshold starts at 128 KiB and rises, up to 32 MiB, each time a larger mmapped block
 * is freed. Exact tiles allocate and free tile-sized tensors all the time, so after a few tiles
 * they all land in the heaps, and the process holds what its largest tiles ever needed plus the
 * fragments between them. A fixed threshold of 4 MiB took a 1000x1000 image at x4 with a 1 GiB
 * budget from 1.36 GB to 0.92 GB peak, at the price of page faults on every large allocation
 * (docs/RESULTS.md, "glibc's heaps"). {@code mallopt(M_MMAP_THRESHOLD)} is the same setting as the
 * {@code MALLOC_MMAP_THRESHOLD_} variable, made from inside the process; it applies to the
 * allocations after it, which are the ones that matter here.
 *
 * <p>The system property {@value #THRESHOLD_PROPERTY} decides: a number of bytes (default {@value
 * #DEFAULT_THRESHOLD}), or {@code none} to leave glibc alone. A threshold the user set, in {@code
 * MALLOC_MMAP_THRESHOLD_} or {@code GLIBC_TUNABLES}, always wins.
 */
public final class NativeHeapDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapDefaults.class);

    /** System property: bytes, or {@code none}. */
    public static final String THRESHOLD_PROPERTY = "srgrn.malloc.mmapThreshold";

    /** The threshold measured in docs/RESULTS.md ("glibc's heaps"). */
    public static final int DEFAULT_THRESHOLD = 4 << 20;

    /** glibc's {@code M_MMAP_THRESHOLD} (malloc.h). */
    private static final int M_MMAP_THRESHOLD = -3;

    /** glibc refuses thresholds above this (HEAP_MAX_SIZE / 2 on 64-bit). */
    private static final int MAX_THRESHOLD = 32 << 20;

    private static Outcome outcome;

    private NativeHeapDefaults() {}

    /** What {@link #apply} did; for logs and tests. */
    public enum Outcome {
        /** glibc now mmaps, and unmaps on free, every block of the threshold or more. */
        SET,
        /** The environment already sets a threshold; it is kept. */
        USER_VALUE_KEPT,
        /** {@value #THRESHOLD_PROPERTY} is {@code none}. */
        DISABLED,
        /** Not glibc, or no JNA on the class path. */
        UNSUPPORTED
    }

    /**
     * Applies the setting for a process that keeps to a memory budget; only the first call acts.
     */
    public static synchronized Outcome apply() {
        if (outcome == null) {
            outcome = decide(System.getProperty(THRESHOLD_PROPERTY, "" + DEFAULT_THRESHOLD));
        }
        return outcome;
    }

    static Outcome decide(String property) {
        String wanted = property.trim();
        if (wanted.equalsIgnoreCase("none")) {
            return Outcome.DISABLED;
        }
        int threshold = threshold(wanted);
        String user = userThreshold();
        if (user != null) {
            LOG.debug("glibc's mmap threshold is the user's: {}", user);
            return Outcome.USER_VALUE_KEPT;
        }
        if (!ProcessEnvironment.mallopt(M_MMAP_THRESHOLD, threshold)) {
            LOG.debug("glibc's mmap threshold cannot be set here (not glibc, or no JNA)");
            return Outcome.UNSUPPORTED;
        }
        LOG.info(
                "memory budget: glibc returns freed blocks of {} KiB or more to the system at once "
                        + "(-D{}=none to leave it alone)",
                threshold >> 10,
                THRESHOLD_PROPERTY);
        return Outcome.SET;
    }

    private static int threshold(String wanted) {
        try {
            int bytes = Integer.parseInt(wanted);
            if (bytes > 0 && bytes <= MAX_THRESHOLD) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(
                THRESHOLD_PROPERTY
                        + "="
                        + wanted
                        + ": expected none or a number of bytes from 1 to "
                        + MAX_THRESHOLD);
    }

    /** The threshold the environment gives glibc, or null. */
    static String userThreshold() {
        if (Platform.isWindows()) {
            return null;
        }
        String direct = ProcessEnvironment.get("MALLOC_MMAP_THRESHOLD_");
        if (direct != null) {
            return "MALLOC_MMAP_THRESHOLD_=" + direct;
        }
        String tunables = ProcessEnvironment.get("GLIBC_TUNABLES");
        return tunables != null && tunables.contains("glibc.malloc.mmap_threshold")
                ? "GLIBC_TUNABLES=" + tunables
                : null;
    }
}
