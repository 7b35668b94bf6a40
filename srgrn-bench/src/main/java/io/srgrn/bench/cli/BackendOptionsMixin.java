package io.srgrn.bench.cli;

import io.srgrn.api.spi.Device;
import picocli.CommandLine.Option;

/** Where a command computes: {@code --backend}, {@code --device}, {@code --threads}. */
final class BackendOptionsMixin {
    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description =
                    "Backend (see 'srgrn info'); default: srgrn.backend / SRGRN_BACKEND, else the best available.")
    String backend;

    @Option(
            names = "--device",
            paramLabel = "DEVICE",
            converter = DeviceConverter.class,
            description = "cpu, cuda or cuda:N; default: the backend's first device (cpu).")
    Device device;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            converter = ThreadCount.class,
            description =
                    "Intra-op CPU threads; 0 lets the backend choose (default: ${DEFAULT-VALUE}).")
    int threads;

    /**
     * Applies these options to a builder and builds. A backend that is not there or cannot run, or
     * a device it does not offer, is a problem with the command line: reported as a usage error.
     */
    io.srgrn.api.Srgrn build(io.srgrn.api.Srgrn.Builder builder) {
        builder.threads(threads);
        if (backend != null) {
            builder.backend(backend);
        }
        if (device != null) {
            builder.device(device);
        }
        try {
            return builder.build();
        } catch (io.srgrn.api.spi.BackendUnavailableException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("cannot use device")) {
                throw new UsageException(e.getMessage());
            }
            throw e;
        }
    }

    static final class DeviceConverter implements picocli.CommandLine.ITypeConverter<Device> {
        @Override
        public Device convert(String value) {
            return Device.parse(value);
        }
    }
}
