package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

/**
 * Forked by {@link ColdLoadGuardTest} with a fresh JavaCPP cache. {@code backend}: opens the
 * backend (which guards the load) and runs a conv; {@code unguarded}: calls {@code
 * Loader.load(torch.class)} directly, the sequence that crashes when a system libtorch is
 * installed.
 */
public final class ColdLoadProbe {
    private ColdLoadProbe() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("unguarded")) {
            Loader.load(torch.class);
            System.out.println("THREADS=" + torch.get_num_threads());
        } else {
            Conv2dSpec spec = Conv2dSpec.conv3x3(1, 1);
            try (BackendContext ctx =
                            new JavaCppBackend().open(Device.CPU, BackendOptions.defaults());
                    Module m = ctx.compile(spec, TinyModels.weights(spec, 1, 0f))) {
                System.out.println("SUM=" + m.forward(Tensor.full(1f, 1, 1, 3, 3)).size());
            }
        }
        System.out.println("LOADED");
    }
}
