package io.srgrn.backend.djl;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.tck.support.ForkedJvm;
import java.util.SplittableRandom;

/**
 * Child-JVM probe for {@link DjlPeakMemoryTest}: one inference of the paper network on a square RGB
 * image, printing the resident set size just before it and the process's peak resident set size
 * (VmHWM) after it. Args: scale, image side in pixels.
 */
public final class PeakMemoryProbe {
    private PeakMemoryProbe() {}

    public static void main(String[] args) {
        int scale = Integer.parseInt(args[0]);
        int side = Integer.parseInt(args[1]);
        SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.paper(scale));
        Tensor x = Tensor.uniform(new SplittableRandom(1), -1, 1, new int[] {1, 3, side, side});
        try (BackendContext ctx = new DjlBackend().open(Device.CPU, new BackendOptions(1));
                Module m = ctx.compile(spec, Initializer.initialize(spec, 1))) {
            System.gc();
            System.out.println("probe.rssBeforeKiB=" + ForkedJvm.statusKiB("VmRSS:"));
            Tensor y = m.forward(x);
            System.out.println("probe.peakKiB=" + ForkedJvm.statusKiB("VmHWM:"));
            System.out.println("probe.outputSize=" + y.size());
        }
    }
}
