package io.srgrn.bench.jmh;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.resize.MatlabBicubic;
import io.srgrn.metrics.EvaluationOptions;
import io.srgrn.metrics.Evaluator;
import io.srgrn.metrics.ImageScore;
import io.srgrn.metrics.Psnr;
import io.srgrn.metrics.Ssim;
import io.srgrn.metrics.YChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * srgrn-metrics speed on a DIV2K-sized pair (2040x1356): SSIM alone and a full RDN-protocol score.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MetricsBenchmarks {

    @State(Scope.Benchmark)
    public static class Pair {
        ByteImage hr;
        ByteImage sr;
        double[] yHr;
        double[] ySr;

        @Setup
        public void setup() {
            hr = DataBenchmarks.texture(3, DataBenchmarks.H, DataBenchmarks.W, 3);
            sr = MatlabBicubic.upscale(MatlabBicubic.downscale(hr, 4), 4);
            yHr = YChannel.unrounded(hr);
            ySr = YChannel.unrounded(sr);
        }
    }

    /** SSIM of two 2040x1356 Y planes (double), shave 4. */
    @Benchmark
    public double ssim(Pair p) {
        return Ssim.of(p.yHr, p.ySr, DataBenchmarks.H, DataBenchmarks.W, 4);
    }

    @Benchmark
    public double psnr(Pair p) {
        return Psnr.of(p.yHr, p.ySr, DataBenchmarks.H, DataBenchmarks.W, 4, 255);
    }

    /** Luma of both RGB images, PSNR and SSIM: what scoring one DIV2K-sized output costs. */
    @Benchmark
    public ImageScore rdnScore(Pair p) {
        return new Evaluator(EvaluationOptions.defaults()).score("x", p.hr, p.sr, 4);
    }
}
