package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.BackendUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.cudnn;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the NVIDIA libraries and JavaCPP's wrappers once per JVM, only from {@link
 * CudaBackend#open}. Libraries found in the folders of {@code -Dsrgrn.cuda.path} are loaded first
 * by absolute path, in dependency order and with {@code RTLD_GLOBAL} (a library already loaded
 * satisfies a later dependency, or a later {@code dlopen}, on its soname), so a pip {@code
 * nvidia-*} folder works without {@code LD_LIBRARY_PATH}. Loading errors are {@link LinkageError}s:
 * caught here and turned into a {@link BackendUnavailableException} naming the library.
 */
final class CudaRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(CudaRuntime.class);
    private static boolean loaded;
    private static BackendUnavailableException failure;

    private CudaRuntime() {}

    static synchronized void load(LibraryLocator locator) {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            preload(locator);
            Loader.load(cudart.class);
            Loader.load(cublas.class);
            Loader.load(cudnn.class);
            Loader.load(nvrtc.class);
        } catch (LinkageError | RuntimeException e) {
            failure =
                    new BackendUnavailableException(
                            "cannot load the CUDA libraries through JavaCPP's presets: "
                                    + e
                                    + " (see the jcuda module README for the libraries and versions needed)",
                            e);
            throw failure;
        }
        int[] driver = new int[1];
        int[] runtime = new int[1];
        cudart.cudaDriverGetVersion(driver);
        cudart.cudaRuntimeGetVersion(runtime);
        LOG.info(
                "loaded CUDA: driver API {}, runtime {}, cuDNN {}",
                driver[0],
                runtime[0],
                cudnn.cudnnGetVersion());
        loaded = true;
    }

    /** Loads by absolute path what the user folders hold, dependencies first. */
    private static void preload(LibraryLocator locator) {
        Map<CudaLibrary, Optional<Path>> found = locator.locateAll();
        List<Path> order = new ArrayList<>();
        for (CudaLibrary lib : CudaLibrary.values()) {
            found.get(lib).filter(locator::inUserFolders).ifPresent(order::add);
            if (lib == CudaLibrary.CUDNN) {
                // cuDNN 9 opens its sub-libraries (engines, graph, ops) by soname at run time.
                locator.userFilesStartingWith("libcudnn_").stream()
                        .filter(p -> p.toString().endsWith(".so.9"))
                        .forEach(order::add);
            }
            if (lib == CudaLibrary.NVRTC) {
                locator.userFilesStartingWith("libnvrtc-builtins.so").stream()
                        .limit(1)
                        .forEach(order::add);
            }
        }
        for (Path p : order) {
            LOG.debug("preloading {}", p);
            // RTLD_GLOBAL, not System.load's local binding: libnvrtc finds libnvrtc-builtins, and
            // cuDNN its
            // sub-libraries, only among globally loaded objects (checked with NVRTC 13.0 from pip)
            Loader.loadGlobal(p.toString());
        }
    }
}
