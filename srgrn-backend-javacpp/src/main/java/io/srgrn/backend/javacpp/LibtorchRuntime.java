package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.NativeRuntimes;
import io.srgrn.api.spi.OneDnnDefaults;
import io.srgrn.api.spi.OpenMpDefaults;
import java.io.File;
import java.io.IOException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads JavaCPP's libtorch once per JVM, after claiming {@link NativeRuntimes#LIBTORCH} so that a
 * JVM which already holds another backend's libtorch gets a clear error instead of an abort.
 */
final class LibtorchRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(LibtorchRuntime.class);

    private static boolean loaded;
    private static BackendUnavailableException failure;

    private LibtorchRuntime() {}

    /**
     * Claims libtorch for {@code backendName} and loads the natives (idempotent).
     *
     * @throws BackendUnavailableException when another backend holds libtorch, or loading fails
     */
    static synchronized void load(NativeArtifacts artifacts, String backendName) {
        NativeRuntimes.claim(NativeRuntimes.LIBTORCH, backendName);
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        OpenMpDefaults.apply(
                backendName); // before libgomp loads: it reads OMP_WAIT_POLICY only then
        OneDnnDefaults.apply(
                backendName); // before oneDNN's first kernel: it reads DNNL_MAX_CPU_ISA only then
        long start = System.nanoTime();
        String resource = artifacts.libtorchCpuResource();
        try {
            // Cold-load guard: Loader.load(torch) extracts and loads libtorch.so before
            // libtorch_cpu.so.
            // With an empty JavaCPP cache, the dynamic linker then resolves libtorch.so's
            // dependency on
            // libtorch_cpu.so from the system (e.g. Debian's python3-torch) and the JVM dies with
            // SIGSEGV.
            // Extracting libtorch_cpu.so first puts it beside libtorch.so in the cache, where the
            // linker finds it first (the cache copy of libtorch.so has an $ORIGIN run path).
            File cached = Loader.cacheResource(resource);
            if (cached == null) {
                throw new BackendUnavailableException(
                        "JavaCPP found no class-path resource "
                                + resource
                                + "; add org.bytedeco:pytorch with the classifier "
                                + artifacts.nativeFolder());
            }
            Loader.load(torch.class);
        } catch (IOException e) {
            failure =
                    new BackendUnavailableException(
                            "cannot extract "
                                    + resource
                                    + " into the JavaCPP cache "
                                    + "(system property org.bytedeco.javacpp.cachedir): "
                                    + e.getMessage(),
                            e);
            throw failure;
        } catch (LinkageError | RuntimeException e) {
            if (e instanceof BackendUnavailableException b) {
                failure = b;
            } else {
                failure =
                        new BackendUnavailableException(
                                "cannot load JavaCPP's libtorch from " + resource + ": " + e, e);
            }
            throw failure;
        }
        loaded = true;
        LOG.info(
                "loaded libtorch (JavaCPP presets {}, natives {}) in {} ms, {} intra-op threads",
                artifacts.presetsVersion(),
                artifacts.nativeFolder(),
                (System.nanoTime() - start) / 1_000_000,
                torch.get_num_threads());
    }
}
