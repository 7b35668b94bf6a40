package io.srgrn.bench.cli;

import io.srgrn.spark.MemorySettings;
import io.srgrn.spark.ModelSettings;
import io.srgrn.spark.SparkUpscale;
import io.srgrn.spark.SparkUpscaleJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code srgrn spark-upscale}: {@code srgrn upscale} for a whole image collection on Apache Spark
 * (module srgrn-spark), in local mode here or on the cluster that {@code --master} names.
 *
 * <p>Spark is not in the distribution (it would more than double it, and a cluster brings its own):
 * the command runs where Spark is on the class path, which the launchers arrange from {@code
 * SPARK_HOME}, and says so otherwise. This class names no Spark type, so the rest of the command
 * line works without it.
 */
@Command(
        name = "spark-upscale",
        mixinStandardHelpOptions = true,
        description = {
            "Super-resolves a folder or glob of images on Apache Spark, one model per executor JVM: one output "
                    + "file per input at the same relative path, written atomically; inputs whose output exists are skipped "
                    + "unless --force, so a rerun after a failure does only what is left.",
            "Needs Spark 3.5 (Scala 2.13) on the class path: set SPARK_HOME. On a cluster, use spark-submit with "
                    + "io.srgrn.spark.SparkUpscale (README).",
            "Exit status: 0 every image done or skipped, 1 some image failed (the others are written), 2 bad command "
                    + "line or no Spark."
        })
final class SparkUpscaleCommand implements Callable<Integer> {
    static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Option(
            names = "--input",
            paramLabel = "DIR_OR_GLOB",
            required = true,
            description =
                    "A folder (searched recursively), an image file, or a glob such as 'photos/*.jpg' (quote it).")
    String input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "The output folder.")
    Path output;

    @Option(
            names = "--master",
            paramLabel = "URL",
            defaultValue = "local[*]",
            description =
                    "Spark master: local[N] runs N task threads in this JVM (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(
            names = "--force",
            description = "Redo inputs whose output exists (default: skip them).")
    boolean force;

    @Option(
            names = "--format",
            paramLabel = "EXT",
            description = "Output format: png, jpg, bmp or tif (default: the input's).")
    String format;

    @Option(
            names = "--scale",
            paramLabel = "S",
            description = "2, 3 or 4; default: the weights' scale, else 4.")
    Integer scale;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ModelChoice model = new ModelChoice();

    static final class ModelChoice {
        @Option(
                names = "--weights",
                paramLabel = "FILE",
                description =
                        "SRGRN weights (.safetensors) at a path every executor can read. Default: the shipped model for the scale.")
        Path weights;

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description =
                        "A shipped model (srgrn models) or NAME.safetensors in the models folder.")
        String name;

        @Option(
                names = "--degradation",
                paramLabel = "BI|BD|DN",
                description =
                        "The shipped default model for this degradation (as srgrn upscale --degradation).")
        String degradation;
    }

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description = "Backend; default: the best available on each executor.")
    String backend;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Intra-op CPU threads of each executor's model; 0 lets the backend choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Spread the images over N partitions; 0 keeps Spark's file splits (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin TilingMixin tiles;

    @Override
    public Integer call() {
        if (!sparkPresent()) {
            throw new UsageException(
                    "Apache Spark is not on the class path: set SPARK_HOME to a Spark 3.5 (Scala 2.13) "
                            + "installation (the srgrn launcher then adds its jars), or submit io.srgrn.spark.SparkUpscale with "
                            + "spark-submit (README, \"Spark\")");
        }
        if (scale != null && scale != 2 && scale != 3 && scale != 4) {
            throw new UsageException("invalid --scale " + scale + "; allowed: 2, 3, 4");
        }
        // srgrn upscale's options, rules and refusals; each executor's model applies them.
        MemorySettings memory = tiles.settings();
        String shipped = null;
        String weights = null;
        if (model.weights != null) {
            weights = ModelRef.ofWeights(model.weights).weights().toAbsolutePath().toString();
        } else if (model.name != null) {
            ModelRef ref = ModelRef.ofName(model.name);
            if (ref.bicubic()) {
                throw new UsageException(
                        "--model bicubic is not offered on Spark; use srgrn upscale --model bicubic");
            }
            shipped = ref.shipped();
            weights = ref.weights() == null ? null : ref.weights().toAbsolutePath().toString();
        } else if (model.degradation != null) {
            shipped = ModelRef.shippedDefault(scale, model.degradation).shipped();
        }
        SparkUpscaleJob.Options options;
        try {
            ModelSettings settings =
                    new ModelSettings(
                            shipped, weights, scale == null ? 0 : scale, backend, threads, memory);
            options =
                    new SparkUpscaleJob.Options(input, output, format, force, partitions, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return SparkUpscale.run(
                master, options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static boolean sparkPresent() {
        try {
            Class.forName(SPARK_CLASS, false, SparkUpscaleCommand.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
