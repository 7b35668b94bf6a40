package io.srgrn.backend.javacpp;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.NativeRuntimes;
import io.srgrn.api.spi.NvidiaGpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRGRN on libtorch 2.10 through JavaCPP's PyTorch presets ({@code org.bytedeco:pytorch}): tensors,
 * autograd and the functional ops of libtorch's C++ API, called directly.
 *
 * <p>{@link #availability()} and {@link #devices()} only look at class-path resources and the
 * kernel's NVIDIA driver files; {@link #open} claims {@link NativeRuntimes#LIBTORCH} and then loads
 * the natives, so this backend and DJL's (another libtorch) never meet in one JVM unannounced.
 */
public final class JavaCppBackend implements Backend {
    public static final String NAME = "javacpp";

    /** Below DJL's 100: with both on the class path and none named, DJL is chosen. */
    public static final int PRIORITY = 90;

    private static final Logger LOG = LoggerFactory.getLogger(JavaCppBackend.class);

    private final NativeArtifacts artifacts;

    public JavaCppBackend() {
        this(NativeArtifacts.onClassPath());
    }

    JavaCppBackend(NativeArtifacts artifacts) {
        this.artifacts = artifacts;
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
        String owner = NativeRuntimes.owner(NativeRuntimes.LIBTORCH);
        if (owner != null && !owner.equals(NAME)) {
            return Availability.no(
                    "backend '"
                            + owner
                            + "' already loaded its own libtorch in this JVM and two libtorch"
                            + " builds cannot share a process: run the javacpp backend in a separate JVM");
        }
        String missing = missingArtifacts();
        if (missing != null) {
            return Availability.no(missing);
        }
        String natives;
        if (artifacts.hasGpuNatives()) {
            int gpus = NvidiaGpus.visible();
            natives =
                    "CUDA natives ("
                            + artifacts.nativeFolder()
                            + "), "
                            + gpus
                            + " NVIDIA GPU(s) visible to the driver";
        } else {
            natives = "CPU natives (" + artifacts.platform() + ")";
        }
        return Availability.yes(
                "JavaCPP PyTorch presets " + artifacts.presetsVersion() + " with " + natives);
    }

    /** Why the class path cannot run this backend, or null when it can. */
    private String missingArtifacts() {
        if (!artifacts.hasPresetClasses()) {
            return "JavaCPP's PyTorch presets are not on the class path: add org.bytedeco:pytorch:2.10.0-1.5.13";
        }
        if (!artifacts.hasCpuNatives() && !artifacts.hasGpuNatives()) {
            return "no libtorch natives for platform "
                    + artifacts.platform()
                    + " on the class path: add"
                    + " org.bytedeco:pytorch:2.10.0-1.5.13 with classifier "
                    + artifacts.platform()
                    + " (CPU) or "
                    + artifacts.platform()
                    + NativeArtifacts.GPU_EXTENSION
                    + " (CUDA)";
        }
        return null;
    }

    @Override
    public List<Device> devices() {
        if (!availability().available()) {
            return List.of();
        }
        List<Device> list = new ArrayList<>();
        list.add(Device.CPU);
        if (artifacts.hasGpuNatives()) {
            int gpus = NvidiaGpus.visible();
            for (int i = 0; i < gpus; i++) {
                list.add(Device.cuda(i));
            }
        }
        return List.copyOf(list);
    }

    /**
     * Why a device can or cannot be used here, from the class path and /proc alone (nothing is
     * loaded).
     */
    @Override
    public Availability availability(Device device) {
        Availability backend = availability();
        if (!backend.available() || device.isCpu()) {
            return backend;
        }
        if (!artifacts.hasGpuNatives()) {
            return Availability.no(cpuOnlyReason());
        }
        int gpus = NvidiaGpus.visible();
        if (device.index() >= gpus) {
            return Availability.no(
                    gpus == 0
                            ? "no NVIDIA GPU visible (/proc/driver/nvidia/gpus and /dev/nvidia* are absent)"
                            : "no CUDA device " + device + "; " + gpus + " NVIDIA GPU(s) visible");
        }
        return Availability.yes(
                "CUDA device " + device + " with the CUDA natives of " + artifacts.platform());
    }

    private String cpuOnlyReason() {
        return "only CPU natives ("
                + artifacts.platform()
                + ") are on the class path; CUDA needs org.bytedeco:pytorch:"
                + "2.10.0-1.5.13 with classifier "
                + artifacts.platform()
                + NativeArtifacts.GPU_EXTENSION
                + " and org.bytedeco:cuda:13.1-9.19-1.5.13 (see the module README)";
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        String missing = missingArtifacts();
        if (missing != null) {
            throw new BackendUnavailableException(
                    "backend '" + NAME + "' cannot open " + device + ": " + missing);
        }
        if (!device.isCpu() && !artifacts.hasGpuNatives()) {
            throw new BackendUnavailableException(
                    "backend '" + NAME + "' cannot open " + device + ": " + cpuOnlyReason());
        }
        // Claims libtorch before anything native is touched: fails cleanly if DJL got there first.
        LibtorchRuntime.load(artifacts, NAME);
        if (!device.isCpu()) {
            if (!torch.cuda_is_available()) {
                throw new BackendUnavailableException(
                        "backend '"
                                + NAME
                                + "' cannot open "
                                + device
                                + ": libtorch reports no usable CUDA device (driver missing or too old?)");
            }
            int count = torch.cuda_device_count();
            if (device.index() >= count) {
                throw new BackendUnavailableException(
                        "backend '"
                                + NAME
                                + "' cannot open "
                                + device
                                + ": libtorch sees "
                                + count
                                + " CUDA device(s)");
            }
        }
        if (options.threads() > 0 && options.threads() != torch.get_num_threads()) {
            // libtorch's intra-op pool is process-wide: the last context opened sets it. Only a
            // change is
            // passed on: a set_num_threads call, even with the current value, made later oneDNN
            // convolutions return NaN gradients now and then on AVX-512 machines
            // (scripts/nan-repro).
            torch.set_num_threads(options.threads());
        }
        LOG.debug(
                "opened javacpp backend on {} with {} intra-op threads",
                device,
                torch.get_num_threads());
        return new JavaCppContext(this, device);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
