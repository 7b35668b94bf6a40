package io.srgrn.backend.jcuda;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.NvidiaGpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRGRN on raw CUDA: cuDNN convolutions, cuBLAS GEMMs and NVRTC-compiled kernels through JavaCPP's
 * CUDA presets, no framework. Name {@code jcuda}; GPU only ({@code cuda:N}).
 *
 * <p>{@link #availability()} and {@link #devices()} look at files only (class-path resources, the
 * library files, {@code /proc}): they never load CUDA, so they are safe anywhere, and they name
 * what is missing. {@link #open} loads the libraries and opens a context on the GPU.
 *
 * <p>TF32 is on by default (speed); {@code -Dsrgrn.cuda.tf32=false} or {@link #exactFloat32()}
 * turns it off, as the conformance kit needs.
 */
public final class CudaBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(CudaBackend.class);
    public static final String NAME = "jcuda";

    /**
     * Below DJL (100) and javacpp (90): chosen only when named, while it is unverified on a GPU.
     */
    static final int PRIORITY = 50;

    private final CudaSettings settings;

    /**
     * The ServiceLoader's constructor: settings from system properties (TF32 on unless turned off).
     */
    public CudaBackend() {
        this(CudaSettings.fromSystemProperties());
    }

    CudaBackend(CudaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A backend computing plain float32 (TF32 off), as the conformance kit checks it. */
    public static CudaBackend exactFloat32() {
        return new CudaBackend(CudaSettings.exactFloat32());
    }

    /** Whether this backend lets cuDNN and cuBLAS use TF32 tensor cores. */
    public boolean tf32() {
        return settings.tf32();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        try {
            return CudaAvailability.here(
                    CudaBackend.class.getClassLoader(),
                    Loader.getPlatform(),
                    LibraryLocator.fromEnvironment());
        } catch (RuntimeException | LinkageError e) {
            return Availability.no("cannot check for CUDA: " + e);
        }
    }

    @Override
    public List<Device> devices() {
        if (!availability().available()) {
            return List.of();
        }
        List<Device> list = new ArrayList<>();
        for (int i = 0; i < NvidiaGpus.visible(); i++) {
            list.add(Device.cuda(i));
        }
        return List.copyOf(list);
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        if (device.isCpu()) {
            throw new BackendUnavailableException(
                    "backend '" + NAME + "' runs on CUDA devices only, not on " + device);
        }
        Availability a = availability();
        if (!a.available()) {
            throw new BackendUnavailableException(
                    "backend '" + NAME + "' cannot open " + device + ": " + a.reason());
        }
        CudaRuntime.load(LibraryLocator.fromEnvironment());
        int[] count = new int[1];
        int status = org.bytedeco.cuda.global.cudart.cudaGetDeviceCount(count);
        if (status != 0 || device.index() >= count[0]) {
            throw new BackendUnavailableException(
                    "backend '"
                            + NAME
                            + "' cannot open "
                            + device
                            + ": CUDA reports "
                            + (status != 0
                                    ? "error " + status + " (driver too old for CUDA 13?)"
                                    : count[0] + " device(s)"));
        }
        LOG.info("opening jcuda backend on {} (TF32 {})", device, settings.tf32() ? "on" : "off");
        return new CudaContext(this, device, settings);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
