package io.srgrn.backend.djl;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.NativeRuntimes;
import io.srgrn.tck.support.ForkedJvm;

/** Child-JVM probe for {@link DjlNativeLoadingTest}; prints {@code probe.key=value} lines. */
public final class NativeLoadingProbe {
    /** Parts of the file names of libtorch and DJL's JNI library, as /proc/self/maps lists them. */
    private static final String[] DJL_NATIVES = {"libtorch", "djl_torch"};

    private NativeLoadingProbe() {}

    public static void main(String[] args) {
        switch (args[0]) {
            case "discover" -> discover();
            case "claimed" -> claimed();
            case "hostOffline" -> hostOffline(args[1]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Discovery, availability and devices, then open: natives must appear only with open. */
    private static void discover() {
        Backend djl =
                Backends.discover().stream()
                        .filter(b -> b.name().equals("djl"))
                        .findFirst()
                        .orElseThrow();
        Availability a = djl.availability();
        Availability cuda = ((DjlBackend) djl).availability(Device.cuda(0));
        print("available", a.available());
        print("reason", a.reason());
        print("devices", djl.devices());
        print("cudaAvailable", cuda.available());
        print("cudaReason", cuda.reason());
        print("selected", Backends.select("djl").name());
        print("mappedBeforeOpen", ForkedJvm.mapped(DJL_NATIVES));
        print("ownerBeforeOpen", NativeRuntimes.owner(NativeRuntimes.LIBTORCH));
        try (BackendContext ctx = djl.open(Device.CPU, new BackendOptions(1))) {
            print("mappedAfterOpen", ForkedJvm.mapped(DJL_NATIVES));
            print("ownerAfterOpen", NativeRuntimes.owner(NativeRuntimes.LIBTORCH));
            print("threadsAfterOpen", EngineLoader.intraOpThreads());
        }
    }

    /**
     * A host application's own ai.djl.offline value, set before the backend loads, must survive it;
     * "unset" (the surefire configuration sets it, and the child inherits it) clears it first.
     */
    private static void hostOffline(String value) {
        if (value.equals("unset")) {
            System.clearProperty(EngineLoader.OFFLINE_PROPERTY);
        } else {
            System.setProperty(EngineLoader.OFFLINE_PROPERTY, value);
        }
        try (BackendContext ctx = new DjlBackend().open(Device.CPU, new BackendOptions(1))) {
            print("offlineAfterOpen", System.getProperty(EngineLoader.OFFLINE_PROPERTY));
        }
    }

    /** Another backend holds libtorch: open must refuse before DJL loads anything. */
    private static void claimed() {
        NativeRuntimes.claim(NativeRuntimes.LIBTORCH, "javacpp");
        try {
            new DjlBackend().open(Device.CPU, BackendOptions.defaults()).close();
            print("error", "none");
        } catch (BackendUnavailableException e) {
            print("error", e.getMessage().replace('\n', ' '));
        }
        print("mappedAfterRefusal", ForkedJvm.mapped(DJL_NATIVES));
    }

    private static void print(String key, Object value) {
        System.out.println("probe." + key + "=" + value);
    }
}
