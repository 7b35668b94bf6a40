package io.srgrn.backend.djl;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps DJL from warning "Failed to detect GPU count: CUDA driver version is insufficient ..."
 * while its engine loads on a machine that has a CUDA runtime (libcudart) but no NVIDIA driver.
 *
 * <p>Why: DJL 0.36's {@code CudaUtils.getGpuCount()} warns on each call when libcudart loads but
 * the driver is absent, and loading the PyTorch engine calls it twice (platform detection), so
 * every start printed the same warning twice although this backend already knows, from {@link
 * CudaProbe}, that there is no GPU. DJL has a switch for that warning, the static {@code
 * CudaUtils.logging} (its own command-line tool turns it off); it is turned off for the loading
 * only, and only when no driver is visible, so a machine whose GPU fails for another reason still
 * gets DJL's warning. Where the switch cannot be reached (a later DJL, a module path that does not
 * open it), nothing changes but one debug line.
 */
final class QuietCudaCount implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuietCudaCount.class);
    private static final String CUDA_UTILS = "ai.djl.util.cuda.CudaUtils";

    private final Field logging;
    private final boolean previous;

    private QuietCudaCount(Field logging, boolean previous) {
        this.logging = logging;
        this.previous = previous;
    }

    /**
     * Turns DJL's GPU-count warning off until {@link #close} when {@code noDriver}; otherwise does
     * nothing.
     */
    static QuietCudaCount when(boolean noDriver) {
        if (!noDriver) {
            return new QuietCudaCount(null, false);
        }
        try {
            Field f =
                    Class.forName(CUDA_UTILS, true, QuietCudaCount.class.getClassLoader())
                            .getDeclaredField("logging");
            f.setAccessible(true);
            boolean before = f.getBoolean(null);
            f.setBoolean(null, false);
            LOG.debug(
                    "no NVIDIA driver visible: DJL's GPU-count warning is off while its engine loads");
            return new QuietCudaCount(f, before);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug(
                    "cannot turn off DJL's GPU-count warning ({}); it may be logged", e.toString());
            return new QuietCudaCount(null, false);
        }
    }

    @Override
    public void close() {
        if (logging == null) {
            return;
        }
        try {
            logging.setBoolean(null, previous);
        } catch (IllegalAccessException e) {
            LOG.debug("cannot restore DJL's GPU-count warning: {}", e.toString());
        }
    }
}
