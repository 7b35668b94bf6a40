package io.srgrn.bench.jmh;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.resize.MatlabBicubic;
import io.srgrn.data.sample.Batch;
import io.srgrn.data.sample.PatchSampler;
import io.srgrn.data.sample.PrefetchingBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * srgrn-data speed: MATLAB-bicubic BI x4 of a DIV2K-sized image (2040x1356 RGB, 2.77 MP) and the
 * training sampler's patch rate with and without background prefetch.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DataBenchmarks {

    static final int H = 1356;
    static final int W = 2040;

    /** A textured 8-bit image: content does not change the work, but keeps the JIT honest. */
    static ByteImage texture(int c, int h, int w, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ByteImage img = ByteImage.zeros(c, h, w);
        byte[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) ((i % w) / 8 + (i / w) / 8 + r.nextInt(32));
        }
        return img;
    }

    @State(Scope.Benchmark)
    public static class Image {
        ByteImage hr;

        @Setup
        public void setup() {
            hr = texture(3, H, W, 1);
        }
    }

    /** BI x4 of 2040x1356 RGB; input megapixels/s = 2.766 / (ms/op) * 1000. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ByteImage bicubicDownscaleX4(Image s) {
        return MatlabBicubic.downscale(s.hr, 4);
    }

    /** The Bicubic baseline's upscale back: 510x339 RGB to 2040x1356. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ByteImage bicubicUpscaleX4(Image s) {
        return MatlabBicubic.upscale(MatlabBicubic.downscale(s.hr, 4), 4);
    }

    @State(Scope.Benchmark)
    public static class Sampler {
        @Param({"2"})
        int workers;

        PatchSampler sampler;
        PrefetchingBatches prefetch;
        long next;

        @Setup(Level.Trial)
        public void setup() {
            List<HrLrPair> pairs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ByteImage hr = texture(3, H, W, 10 + i);
                pairs.add(new HrLrPair("p" + i, hr, Degradation.bi(4).apply(hr), 4));
            }
            sampler = new PatchSampler(pairs, PatchSampler.Config.paper(7));
            prefetch = sampler.prefetch(0, workers);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            prefetch.close();
        }
    }

    /**
     * Patches/s the trainer sees with background prefetch (batch 16 of 48x48 LR + 192x192 HR, x4).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(16)
    public Batch samplerPrefetchedPatches(Sampler s) {
        return s.prefetch.next();
    }

    /** Patches/s made on the calling thread alone. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(16)
    public Batch samplerInlinePatches(Sampler s) {
        return s.sampler.batch(s.next++);
    }
}
