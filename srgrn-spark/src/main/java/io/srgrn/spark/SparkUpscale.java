package io.srgrn.spark;

import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point: super-resolves a folder or glob of images into an output
 * folder ({@link SparkUpscaleJob}) and exits with {@link #OK} when every image was done or skipped,
 * {@link #FAILED} when some image failed (the others are still written), {@link #USAGE} for a bad
 * command line.
 *
 * <pre>
 * spark-submit --class io.srgrn.spark.SparkUpscale --jars ... srgrn-spark.jar \
 *     --input hdfs:///photos --output /shared/photos-x2 --scale 2
 * </pre>
 *
 * {@code srgrn spark-upscale} runs the same job in local mode.
 */
public final class SparkUpscale {
    /** Every image was done, or skipped because its output existed. */
    public static final int OK = 0;

    /** Some image failed (each is reported; the others were written), or the job failed. */
    public static final int FAILED = 1;

    /** The command line is wrong; nothing was done. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT =
            String.join(
                    "\n",
                    "usage: SparkUpscale --input DIR_OR_GLOB --output DIR [--master URL] [--force] [--format EXT]",
                    "       [--model NAME | --weights FILE] [--scale S] [--backend NAME] [--threads N]",
                    "       [--tile N [--tile-mode exact|fast] [--tile-overlap M] | --max-memory SIZE]",
                    "       [--tile-features recompute|spill|host] [--partitions N]",
                    "memory options as in srgrn upscale: --tile N alone runs exact tiles (SRGRN's own output)",
                    "exit status: 0 done (or skipped), 1 some image failed, 2 bad command line");

    private SparkUpscale() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Parses {@code args}, runs the job and returns the exit status; a bad command line is {@link
     * #USAGE}.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("spark-upscale: error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        return run(a.master(), a.options(), out, err);
    }

    /**
     * Runs the job in a Spark session for {@code master} (null: the one {@code spark-submit}
     * configured) and prints the report; used by {@code srgrn spark-upscale} too.
     */
    public static int run(
            String master, SparkUpscaleJob.Options options, PrintWriter out, PrintWriter err) {
        SparkSession.Builder b = SparkSession.builder().appName("srgrn spark-upscale");
        if (master != null) {
            b.master(master);
        }
        // A session that already ran here (a test's, a notebook's) is reused and left running.
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = b.getOrCreate();
        if (ours) {
            spark.sparkContext()
                    .setLogLevel("WARN"); // a command's output, not Spark's progress chatter
        }
        // What runs, memory choice included: the line srgrn upscale starts with, for the cluster.
        err.println(
                "spark-upscale: SRGRN "
                        + options.settings().describe()
                        + " on "
                        + spark.sparkContext().master());
        long t0 = System.nanoTime();
        JobReport report;
        try {
            report = SparkUpscaleJob.run(spark, options);
        } catch (JobSetupException e) {
            err.println("spark-upscale: error: " + e.getMessage());
            return USAGE;
        } catch (Exception e) {
            err.println("spark-upscale: failed: " + ImageUpscale.describe(e));
            return FAILED;
        } finally {
            if (ours) {
                spark.stop();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(
                java.util.Locale.ROOT,
                "spark-upscale: %d written, %d skipped (output exists), %d failed in %.1f s%n",
                report.written(),
                report.skipped(),
                report.failures().size(),
                seconds);
        for (JobReport.Failure f : report.failures()) {
            err.println("spark-upscale: failed: " + f.input() + ": " + f.reason());
        }
        return report.exitStatus();
    }

    /** The command line of {@link #main}. */
    record Arguments(String master, SparkUpscaleJob.Options options) {
        static Arguments parse(String[] args) {
            String input = null;
            String output = null;
            String master = null;
            String format = null;
            String model = null;
            String weights = null;
            String backend = null;
            boolean force = false;
            int scale = 0;
            int threads = 0;
            int tile = 0;
            Tiling.Mode mode = null;
            Integer overlap = null; // null: not given, as srgrn upscale's rules need to know
            long budget = 0;
            Retention retention = null;
            int partitions = 0;
            List<String> list = List.of(args);
            for (int i = 0; i < list.size(); i++) {
                String opt = list.get(i);
                if (opt.equals("--force")) {
                    force = true;
                    continue;
                }
                if (i + 1 >= list.size()) {
                    throw new IllegalArgumentException(
                            opt.startsWith("--") ? opt + " needs a value" : "unexpected " + opt);
                }
                String v = list.get(++i);
                switch (opt) {
                    case "--input" -> input = v;
                    case "--output" -> output = v;
                    case "--master" -> master = v;
                    case "--format" -> format = v;
                    case "--model" -> model = v;
                    case "--weights" -> weights = v;
                    case "--backend" -> backend = v;
                    case "--scale" -> scale = integer(opt, v);
                    case "--threads" -> threads = integer(opt, v);
                    case "--tile" -> tile = integer(opt, v);
                    case "--tile-mode" -> mode = MemorySettings.parseMode(v);
                    case "--tile-overlap" -> overlap = integer(opt, v);
                    case "--max-memory" -> budget = MemorySettings.parseSize(v);
                    case "--tile-features" -> retention = MemorySettings.parseRetention(v);
                    case "--partitions" -> partitions = integer(opt, v);
                    default -> throw new IllegalArgumentException("unknown option " + opt);
                }
            }
            if (input == null || output == null) {
                throw new IllegalArgumentException("--input and --output are required");
            }
            ModelSettings settings =
                    new ModelSettings(
                            model,
                            weights,
                            scale,
                            backend,
                            threads,
                            MemorySettings.choose(tile, mode, overlap, budget, retention));
            return new Arguments(
                    master,
                    new SparkUpscaleJob.Options(
                            input, Path.of(output), format, force, partitions, settings));
        }

        private static int integer(String opt, String v) {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(opt + " needs a whole number, not '" + v + "'");
            }
        }
    }
}
