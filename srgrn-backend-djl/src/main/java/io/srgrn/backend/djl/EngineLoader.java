package io.srgrn.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.NativeRuntimes;
import io.srgrn.api.spi.OneDnnDefaults;
import io.srgrn.api.spi.OpenMpDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads DJL's PyTorch engine once per JVM, offline. This is the only class that makes DJL load
 * native code; nothing reaches it before {@link DjlBackend#open}.
 *
 * <p>DJL 0.36 reads offline mode ({@code DJL_OFFLINE}, else {@code ai.djl.offline}) each time it
 * would download; the PyTorch engine downloads only while it loads its natives, inside {@code
 * Engine.getEngine}. So {@code ai.djl.offline=true} is set for that call alone, when the host has
 * not set it, and cleared afterwards; a host's own value (either way) is left alone.
 */
final class EngineLoader {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoader.class);
    static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static Engine engine;

    private EngineLoader() {}

    /**
     * Claims libtorch for {@code backendName}, then loads the engine (first call only). {@code
     * noCudaDriver}: {@link CudaProbe} saw no NVIDIA driver, so DJL's GPU-count warning is noise.
     *
     * @throws BackendUnavailableException when another backend holds libtorch in this JVM or
     *     loading fails
     */
    static synchronized Engine load(String backendName, boolean noCudaDriver) {
        // Before any DJL native code: a second libtorch build in the process would abort the JVM.
        NativeRuntimes.claim(NativeRuntimes.LIBTORCH, backendName);
        if (engine != null) {
            return engine;
        }
        OpenMpDefaults.apply(
                backendName); // before libgomp loads: it reads OMP_WAIT_POLICY only then
        OneDnnDefaults.apply(
                backendName); // before oneDNN's first kernel: it reads DNNL_MAX_CPU_ISA only then
        // Any download attempt (a missing or mismatched native jar) fails fast instead of reaching
        // the network.
        // Only while the engine loads, and only when the host has not decided: its own model-zoo
        // downloads
        // must keep working afterwards.
        try (ScopedProperty offline = ScopedProperty.setIfUnset(OFFLINE_PROPERTY, "true");
                QuietCudaCount quiet = QuietCudaCount.when(noCudaDriver)) {
            engine = Engine.getEngine(PtEngine.ENGINE_NAME);
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException(
                    "DJL could not load its PyTorch engine offline from the class path ("
                            + e
                            + "); the native jars must be "
                            + NativeSelection.CPU_COORDINATES,
                    e);
        }
        LOG.info(
                "DJL {} loaded libtorch {}; intra-op threads {}",
                Engine.getDjlVersion(),
                engine.getVersion(),
                JniUtils.getNumThreads());
        return engine;
    }

    /**
     * Sets libtorch's intra-op thread count. libtorch keeps one process-wide value, which each
     * thread adopts on its first parallel operation; inter-op threads are left alone because SRGRN
     * never runs operators concurrently and libtorch refuses to change them once used.
     *
     * <p>Only a change is passed on: on this project's AVX-512 machines, every {@code
     * set_num_threads} call (even with the current value) made later oneDNN convolutions return NaN
     * gradients now and then (scripts/nan-repro: 10 of 60 two-step trainings when re-set before
     * each, 0 of 120 when set once).
     */
    static synchronized void setIntraOpThreads(int threads) {
        if (threads > 0 && threads != JniUtils.getNumThreads()) {
            JniUtils.setNumThreads(threads);
            LOG.debug("libtorch intra-op threads set to {}", threads);
        }
    }

    static int intraOpThreads() {
        return JniUtils.getNumThreads();
    }
}
