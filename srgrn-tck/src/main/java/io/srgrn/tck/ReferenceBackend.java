package io.srgrn.tck;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.tck.reference.PixelShuffle;
import java.util.List;
import java.util.Objects;

/**
 * The double-precision reference behind the backend SPI, so that the kit can run against it and so
 * that weights can move between any backend and the reference. A test oracle, far too slow for real
 * use: it is deliberately not listed in {@code META-INF/services}, and its priority is the lowest.
 */
public final class ReferenceBackend implements Backend {
    public static final String NAME = "reference";

    private final String name;
    private final PixelShuffle shuffle;

    public ReferenceBackend() {
        this(NAME, PixelShuffle.SPEC);
    }

    /**
     * A variant with another pixel shuffle: only for the kit's own tests, which build deliberately
     * wrong backends to show that the kit fails them.
     */
    public ReferenceBackend(String name, PixelShuffle shuffle) {
        this.name = Objects.requireNonNull(name, "name");
        this.shuffle = Objects.requireNonNull(shuffle, "shuffle");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Availability availability() {
        return Availability.yes("plain Java in double precision, CPU only; needs nothing native");
    }

    @Override
    public List<Device> devices() {
        return List.of(Device.CPU);
    }

    @Override
    public BackendContext open(Device device, BackendOptions options) {
        if (!device.isCpu()) {
            throw new BackendUnavailableException(
                    "backend '" + name + "' runs on the CPU only, not on " + device);
        }
        return new ReferenceContext(this, shuffle);
    }
}
