package io.srgrn.api.spi;

import java.util.List;

/**
 * A compute backend, found with {@link java.util.ServiceLoader}: list the implementation in {@code
 * META-INF/services/io.srgrn.api.spi.Backend}.
 *
 * <p>Discovery, {@link #availability()} and {@link #devices()} must not load any native library: a
 * program that has several backends on its class path loads only the natives of the one it selects
 * (two libtorch builds cannot share a process). Natives are loaded by {@link #open}.
 */
public interface Backend {

    /** Short lower-case name used for selection, e.g. {@code djl}. */
    String name();

    /** Higher wins when no backend is named. */
    int priority();

    /** Whether this backend can run here, with the reason; no native library is loaded. */
    Availability availability();

    /** The devices this backend could use here (CPU first); no native library is loaded. */
    List<Device> devices();

    /**
     * Whether {@code device} can be used here and, when not, the backend's own reason (no driver,
     * no CUDA natives on the class path, ...), so that a refusal can say more than which devices
     * are offered. No native library is loaded. The default answers from {@link #availability()}
     * and {@link #devices()}; backends that know why a device is missing override it.
     */
    default Availability availability(Device device) {
        Availability backend = availability();
        if (!backend.available() || devices().contains(device)) {
            return backend;
        }
        return Availability.no("backend '" + name() + "' offers " + devices());
    }

    /**
     * Loads the natives and opens a context on {@code device}. The context owns native memory:
     * close it.
     *
     * @throws BackendUnavailableException when the backend or the device cannot be used, with the
     *     reason
     */
    BackendContext open(Device device, BackendOptions options);
}
