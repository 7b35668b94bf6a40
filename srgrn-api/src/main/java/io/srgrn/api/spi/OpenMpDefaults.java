package io.srgrn.api.spi;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives library users the command line's OpenMP settings without touching their environment.
 *
 * <p>libtorch's OpenMP runtime (libgomp in both DJL's and JavaCPP's builds) makes idle worker
 * threads spin by default. On a machine whose cores other programs also use, that spinning makes
 * inference several times slower (docs/RESULTS.md). libgomp reads {@code OMP_WAIT_POLICY} once,
 * while it is being loaded, and offers no function to change it later. So a backend calls {@link
 * #apply} just before it loads libtorch: it sets {@code OMP_WAIT_POLICY=passive} in the process
 * environment (the C library's, through JNA; {@link System#getenv} keeps showing the JVM's start-up
 * copy), where libgomp will read it.
 *
 * <p>A value the user already set in the environment is kept. The system property {@value
 * #POLICY_PROPERTY} chooses another value ({@code active}) or {@code none} to leave the environment
 * alone. When OpenMP is already loaded in the process (by other native code), or the environment
 * cannot be changed (no JNA, Windows), nothing can take effect: a warning says so and how to set it
 * before the JVM starts.
 */
public final class OpenMpDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpDefaults.class);

    /** The variable libgomp (and LLVM's libomp) reads at load time. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    /** System property: the wait policy to set ({@code passive} by default), or {@code none}. */
    public static final String POLICY_PROPERTY = "srgrn.omp.waitPolicy";

    /**
     * Passive: it costs little on an idle machine and saves several times over on a busy one. (It
     * was opt-in for a while because NaN gradients showed up with it; their cause turned out to be
     * oneDNN's AVX-512 kernels on AMD CPUs, see {@link OneDnnDefaults}, and the kit passes with
     * it.)
     */
    static final String DEFAULT_POLICY = "passive";

    private static Outcome outcome;

    private OpenMpDefaults() {}

    /** What {@link #apply} did; for logs and tests. */
    public enum Outcome {
        /** The variable was set in the process environment before OpenMP was loaded. */
        SET,
        /** The user's environment already had a value; it is kept. */
        USER_VALUE_KEPT,
        /** {@value #POLICY_PROPERTY} is {@code none}. */
        DISABLED,
        /** OpenMP was already loaded in this process: too late to take effect. */
        TOO_LATE,
        /** This platform or class path gives no way to change the process environment. */
        UNSUPPORTED
    }

    /**
     * Sets the OpenMP wait policy for the native runtime about to be loaded by {@code backend};
     * only the first call in a JVM acts (OpenMP reads the variable once per process).
     */
    public static synchronized Outcome apply(String backend) {
        if (outcome == null) {
            outcome = decide(backend);
        }
        return outcome;
    }

    private static Outcome decide(String backend) {
        String policy =
                System.getProperty(POLICY_PROPERTY, DEFAULT_POLICY).trim().toLowerCase(Locale.ROOT);
        if (policy.equals("none")) {
            return Outcome.DISABLED;
        }
        String inherited = System.getenv(WAIT_POLICY);
        if (inherited != null) {
            LOG.debug("{}={} from the environment is kept", WAIT_POLICY, inherited);
            return Outcome.USER_VALUE_KEPT;
        }
        if (ProcessEnvironment.libraryLoaded("libgomp", "libiomp", "libomp")) {
            LOG.warn(
                    "OpenMP is already loaded in this JVM, so backend '{}' cannot make its threads wait passively; "
                            + "on a busy machine inference may be several times slower: start the JVM with {}={}",
                    backend,
                    WAIT_POLICY,
                    policy);
            return Outcome.TOO_LATE;
        }
        try {
            ProcessEnvironment.setIfAbsent(WAIT_POLICY, policy);
        } catch (UnsupportedOperationException e) {
            LOG.warn(
                    "cannot set {} in this process ({}); on a busy machine inference may be several times slower: "
                            + "start the JVM with {}={}",
                    WAIT_POLICY,
                    e.toString(),
                    WAIT_POLICY,
                    policy);
            return Outcome.UNSUPPORTED;
        }
        LOG.debug(
                "{}={} set for backend '{}' before its OpenMP runtime loads",
                WAIT_POLICY,
                policy,
                backend);
        return Outcome.SET;
    }

    /** The value the C library's environment holds now (what OpenMP will read), or null. */
    public static String processValue() {
        return ProcessEnvironment.get(WAIT_POLICY);
    }
}
