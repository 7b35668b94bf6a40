package io.srgrn.backend.javacpp;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Standalone timing of this backend (not a test, not JMH; the backend-generic JMH benchmarks live
 * in srgrn-bench): forward of one 48x48 LR image and one training step (batch 16, 48x48 LR, L1,
 * Adam) for SRGRN x4 presets. Prints one line per measurement: median, min and mean over the timed
 * repetitions (on a shared machine the median and min are the figures to trust).
 *
 * <pre>
 * java -cp ... io.srgrn.backend.javacpp.JavaCppTiming [threads=2] [presets=compact,paper] [scale=4]
 *      [forwardReps=10] [trainReps=3] [forwardWarmup=5] [trainWarmup=1]
 * </pre>
 *
 * See the module README for the command that builds the class path.
 */
public final class JavaCppTiming {
    private JavaCppTiming() {}

    public static void main(String[] args) {
        int threads = intArg(args, "threads", 2);
        String[] presets = arg(args, "presets", "compact,paper").split(",");
        int scale = intArg(args, "scale", 4);
        int forwardReps = intArg(args, "forwardReps", 10);
        int trainReps = intArg(args, "trainReps", 3);
        // oneDNN creates its kernels on the first calls of each shape: the first forwards are 5x
        // slower.
        int forwardWarmup = intArg(args, "forwardWarmup", 5);
        int trainWarmup = intArg(args, "trainWarmup", 1);
        try (BackendContext ctx =
                new JavaCppBackend().open(Device.CPU, new BackendOptions(threads))) {
            for (String preset : presets) {
                SrgrnSpec spec = new SrgrnSpec(SrgrnConfig.preset(preset, scale));
                try (Module m = ctx.compile(spec, Initializer.initialize(spec, 1))) {
                    Tensor lr1 = Tensor.full(0.5f, 1, 3, 48, 48);
                    Tensor lr16 = Tensor.full(0.5f, 16, 3, 48, 48);
                    Tensor hr16 = Tensor.full(0.4f, spec.outputShape(lr16.shape()));
                    double[] fwd = time(forwardWarmup, forwardReps, () -> m.forward(lr1));
                    report("forward 1x3x48x48", preset, scale, threads, fwd);
                    double[] train =
                            time(
                                    trainWarmup,
                                    trainReps,
                                    () -> m.trainStep(lr16, hr16, AdamSettings.paper(), 1e-4));
                    report("trainStep 16x3x48x48", preset, scale, threads, train);
                }
            }
        }
    }

    private static double[] time(int warmup, int reps, Runnable r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    private static void report(String what, String preset, int scale, int threads, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median =
                sorted.length % 2 == 1
                        ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(
                Locale.ROOT,
                "javacpp %-22s %-7s x%d threads=%d: median %9.1f ms, min %9.1f ms, mean %9.1f ms over %d%n",
                what,
                preset,
                scale,
                threads,
                median,
                sorted[0],
                Arrays.stream(ms).average().orElse(Double.NaN),
                ms.length);
    }

    private static String arg(String[] args, String key, String fallback) {
        for (String a : args) {
            if (a.startsWith(key + "=")) {
                return a.substring(key.length() + 1);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String key, int fallback) {
        return Integer.parseInt(arg(args, key, Integer.toString(fallback)));
    }
}
