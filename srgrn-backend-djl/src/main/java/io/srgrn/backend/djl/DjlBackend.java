package io.srgrn.backend.djl;

import ai.djl.engine.Engine;
import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SRGRN on DJL's PyTorch engine, with libtorch taken from the {@code pytorch-native-*} jar on the
 * class path; DJL is never allowed to download. {@link #availability()} and {@link #devices()} only
 * read jar resources and file names; {@link #open} loads the natives.
 *
 * <p>CPU: {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64} with {@code
 * pytorch-jni:2.7.1-0.36.0} (the module's default dependencies). CUDA: the module's {@code djl-gpu}
 * Maven profile (DJL 0.33.0, {@code pytorch-jni:2.5.1-0.33.0}, {@code
 * pytorch-native-cu124:2.5.1:linux-x86_64}), which needs the NVIDIA driver and a CUDA runtime that
 * DJL can find; not tested on this project's machines.
 */
public final class DjlBackend implements Backend {
    public static final String NAME = "djl";
    public static final int PRIORITY = 100;

    private volatile NativeBundle bundle;
    private volatile CudaProbe cuda;

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
        return selection().cpu();
    }

    @Override
    public List<Device> devices() {
        NativeSelection selection = selection();
        List<Device> devices = new ArrayList<>();
        if (selection.cpu().available()) {
            devices.add(Device.CPU);
            for (int i = 0; i < selection.cudaDeviceCount(); i++) {
                devices.add(Device.cuda(i));
            }
        }
        return List.copyOf(devices);
    }

    /** The reason {@code device} can or cannot be used here, without loading anything. */
    @Override
    public Availability availability(Device device) {
        NativeSelection selection = selection();
        return device.isCpu() ? selection.cpu() : selection.cuda(device.index());
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
        Availability a = availability(device);
        if (!a.available()) {
            throw new BackendUnavailableException(
                    "backend '" + NAME + "' cannot open " + device + ": " + a.reason());
        }
        Engine engine =
                EngineLoader.load(NAME, !cuda.driverVisible()); // availability() has scanned
        if (!device.isCpu() && device.index() >= engine.getGpuCount()) {
            throw new BackendUnavailableException(
                    "backend '"
                            + NAME
                            + "' cannot open "
                            + device
                            + ": libtorch sees "
                            + engine.getGpuCount()
                            + " CUDA device(s)");
        }
        EngineLoader.setIntraOpThreads(options.threads());
        return new DjlBackendContext(this, device, engine);
    }

    private NativeSelection selection() {
        NativeBundle b = bundle;
        CudaProbe c = cuda;
        if (b == null || c == null) {
            ClassLoader loader = DjlBackend.class.getClassLoader();
            b = NativeBundle.scan(loader);
            c = CudaProbe.scan();
            bundle = b;
            cuda = c;
        }
        return new NativeSelection(b, c, NativeSelection::envOrProperty);
    }
}
