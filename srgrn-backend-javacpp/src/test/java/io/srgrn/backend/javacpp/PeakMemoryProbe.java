package io.srgrn.backend.javacpp;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.support.ForkedJvm;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Forked by {@link PeakMemoryTest}: one inference of the paper network on a square RGB image;
 * prints VmRSS just before it and the process's peak (VmHWM) after it. Args: scale, image side.
 */
public final class PeakMemoryProbe {
    private PeakMemoryProbe() {}

    public static void main(String[] args) throws IOException {
        int scale = Integer.parseInt(args[0]);
        int side = Integer.parseInt(args[1]);
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.paper(scale));
        Tensor x =
                Tensor.uniform(new SplittableRandom(61), -0.5, 0.5, new int[] {1, 3, side, side});
        try (BackendContext ctx = new JavaCppBackend().open(Device.CPU, new BackendOptions(1));
                Module m = ctx.compile(spec, Initializer.initialize(spec, 1))) {
            System.gc();
            System.out.println("RSS_BEFORE_KB=" + ForkedJvm.statusKiB("VmRSS:"));
            Tensor y = m.forward(x);
            System.out.println("PEAK_KB=" + ForkedJvm.statusKiB("VmHWM:"));
            System.out.println("OUTPUT_SIZE=" + y.size());
        }
    }
}
