package io.srgrn.tck;

import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.spi.OneDnnDefaults;
import io.srgrn.api.spi.OpenMpDefaults;
import io.srgrn.api.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Run by {@link LibtorchDefaultsKit} in a child JVM whose environment the kit chose: opens the
 * backend (which loads libtorch and its OpenMP runtime) and runs one convolution large enough for
 * libtorch to hand it to oneDNN, so that both runtimes report what they read when their verbose
 * switches are on. Prints the two outcomes. Argument: the backend's class name.
 */
public final class LibtorchDefaultsProbe {
    static final String OPENMP = "openmp.outcome=";
    static final String ONEDNN = "onednn.outcome=";

    private LibtorchDefaultsProbe() {}

    public static void main(String[] args) throws Exception {
        Backend backend = (Backend) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        Conv2dSpec conv = Conv2dSpec.conv3x3(8, 8);
        SplittableRandom random = new SplittableRandom(1);
        Map<String, Tensor> parameters =
                Map.of(
                        Conv2dSpec.WEIGHT,
                                Tensor.uniform(random, -0.1, 0.1, new int[] {8, 8, 3, 3}),
                        Conv2dSpec.BIAS, Tensor.zeros(8));
        try (BackendContext context = backend.open(Device.CPU, new BackendOptions(1));
                Module module = context.compile(conv, parameters)) {
            // 8x64x64 is past the size from which libtorch runs float convolutions on oneDNN.
            module.forward(Tensor.uniform(random, 0, 1, new int[] {1, 8, 64, 64}));
        }
        System.out.println(OPENMP + OpenMpDefaults.apply("probe"));
        System.out.println(ONEDNN + OneDnnDefaults.apply("probe"));
    }
}
