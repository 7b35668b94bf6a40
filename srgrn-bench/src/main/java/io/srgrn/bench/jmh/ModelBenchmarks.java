package io.srgrn.bench.jmh;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.init.Initializer;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.SrgrnSpec;
import io.srgrn.api.spi.AdamSettings;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.Backends;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SRGRN, or one of its layers, on any backend through the SPI only: one forward pass of a single LR
 * patch, or one training step (forward, L1, backward, Adam) on a batch of LR patches with their HR
 * targets. Layers take the feature maps they see inside the network (G0 channels at LR size; GRRB
 * at HR size).
 *
 * <p>Each fork is its own JVM, so every backend loads only its own natives (two libtorch builds
 * cannot share a process). Parameters come from {@link Initializer} with a fixed seed, inputs from
 * a seeded generator; the numbers do not depend on the values, only on the shapes.
 *
 * <pre>
 * ./mvnw -q -B -o -pl srgrn-bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * OMP_WAIT_POLICY=passive java -cp "srgrn-bench/target/classes:$(cat srgrn-bench/target/classpath.txt)" \
 *     org.openjdk.jmh.Main ModelBenchmarks -p backend=djl -p preset=compact,paper -p scale=4 \
 *     -p mode=forward,trainStep -p threads=2 -wi 1 -i 3
 * </pre>
 *
 * {@code OMP_WAIT_POLICY=passive} matters on a machine whose cores other processes also use:
 * libgomp's spinning barriers otherwise slow libtorch down many times over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class ModelBenchmarks {

    /** Backend name as {@link Backends#select} takes it. */
    @Param({"djl"})
    public String backend;

    /** {@code paper} or {@code compact} ({@link SrgrnConfig#preset}). */
    @Param({"compact", "paper"})
    public String preset;

    @Param({"4"})
    public int scale;

    /**
     * Which layer of the preset's network: {@code srgrn} (the whole network), {@code conv3x3} (G0
     * to G0), {@code rdb} (one residual dense block), {@code grum} (the first upsampling module) or
     * {@code grrb} (the reconstruction block, on the upscaled feature map).
     */
    @Param({"srgrn"})
    public String layer;

    /** {@code forward} (batch 1) or {@code trainStep} (batch {@link #batch}). */
    @Param({"forward", "trainStep"})
    public String mode;

    /** Intra-op CPU threads given to the backend; 0 lets the backend choose. */
    @Param({"2"})
    public int threads;

    @Param({"cpu"})
    public String device;

    /** Side of the square LR patch. */
    @Param({"48"})
    public int patch;

    /** Training batch size (SPEC 5: 16). */
    @Param({"16"})
    public int batch;

    private BackendContext context;
    private Module module;
    private Tensor input;
    private Tensor target;
    private boolean training;

    @Setup(Level.Trial)
    public void setUp() {
        training =
                switch (mode) {
                    case "forward" -> false;
                    case "trainStep" -> true;
                    default ->
                            throw new IllegalArgumentException(
                                    "mode must be forward or trainStep, got " + mode);
                };
        SrgrnConfig config = SrgrnConfig.preset(preset, scale);
        SrgrnSpec network = new SrgrnSpec(config);
        int n = training ? batch : 1;
        int hr = patch * scale;
        LayerSpec spec;
        int[] inputShape;
        switch (layer) {
            case "srgrn" -> {
                spec = network;
                inputShape = new int[] {n, config.inChannels(), patch, patch};
            }
            case "conv3x3" -> {
                spec = Conv2dSpec.conv3x3(config.g0(), config.g0());
                inputShape = new int[] {n, config.g0(), patch, patch};
            }
            case "rdb" -> {
                spec = network.rdn().rdb(0).spec();
                inputShape = new int[] {n, config.g0(), patch, patch};
            }
            case "grum" -> {
                spec = network.upsample().get(0).spec();
                inputShape = new int[] {n, config.g0(), patch, patch};
            }
            case "grrb" -> {
                spec = network.grrb().spec();
                inputShape = new int[] {n, config.g0(), hr, hr};
            }
            default ->
                    throw new IllegalArgumentException(
                            "layer must be srgrn, conv3x3, rdb, grum or grrb, got " + layer);
        }
        Backend b = Backends.select(backend);
        context = b.open(Device.parse(device), new BackendOptions(threads));
        module = context.compile(spec, Initializer.initialize(spec, 42));
        SplittableRandom random = new SplittableRandom(7);
        input = Tensor.uniform(random, 0, 1, inputShape);
        target = Tensor.uniform(random, 0, 1, spec.outputShape(inputShape));
    }

    @Benchmark
    public Object run() {
        if (training) {
            return module.trainStep(input, target, AdamSettings.paper(), 1e-4);
        }
        return module.forward(input);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (module != null) {
            module.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
