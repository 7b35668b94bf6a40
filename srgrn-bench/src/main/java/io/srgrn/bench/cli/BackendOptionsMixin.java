package io.srgrn.bench.cli;

import io.srgrn.api.spi.Device;
import picocli.CommandLine.Option;

/** Where a command computes: {@code --backend}, {@code --device}, {@code --threads}. */
final class BackendOptionsMixin {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Backend (see 'srgrn info'); default: srgrn.backend / SRGRN_BACKEND, else the best available.")
    String backend;

    @Option(names = "--device", paramLabel = "DEVICE", converter = DeviceConverter.class,
            description = "cpu, cuda or cuda:N; default: the backend's first device (cpu).")
    Device device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op CPU threads; 0 lets the backend choose (default: ${DEFAULT-VALUE}).")
    int threads;

    static final class DeviceConverter implements picocli.CommandLine.ITypeConverter<Device> {
        @Override
        public Device convert(String value) {
            return Device.parse(value);
        }
    }
}
