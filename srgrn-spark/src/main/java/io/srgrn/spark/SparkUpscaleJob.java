package io.srgrn.spark;

import io.srgrn.data.image.AtomicWrite;
import io.srgrn.data.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Super-resolves a folder (or glob) of images into an output folder on Spark: one output file per
 * input at the same relative path, written atomically by the executor that upscaled it; an input
 * whose output already exists is skipped unless {@code force}, before it is decoded, so a rerun
 * after a failure does only what is left. Failed images are reported, never fatal.
 *
 * <p>The work is {@link SrgrnUpscaler} on Spark's {@code binaryFile} source; only the small
 * per-failure rows come back to the driver.
 */
public final class SparkUpscaleJob {
    private static final Logger LOG = LoggerFactory.getLogger(SparkUpscaleJob.class);

    /**
     * What to do.
     *
     * @param input a folder (searched recursively), an image file, or a glob such as {@code
     *     photos/*.jpg}
     * @param output the output folder (created when missing)
     * @param format the output format (png, jpg, ...), or null for each input's own, as {@code
     *     srgrn upscale}
     * @param force overwrite existing outputs instead of skipping their inputs
     * @param partitions repartition the images into this many partitions; 0 keeps Spark's file
     *     splits
     * @param settings the model
     */
    public record Options(
            String input,
            Path output,
            String format,
            boolean force,
            int partitions,
            ModelSettings settings) {
        public Options {
            if (format != null) {
                format = format.toLowerCase(Locale.ROOT);
                if (!ImageFormat.isImageFile(Path.of("x." + format))) {
                    throw new IllegalArgumentException(
                            "unknown format '"
                                    + format
                                    + "'; allowed: png, jpg, jpeg, bmp, tif, tiff");
                }
            }
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be >= 0, not " + partitions);
            }
        }
    }

    private SparkUpscaleJob() {}

    /** Runs the job on {@code spark} and reports what it did. */
    public static JobReport run(SparkSession spark, Options options) throws IOException {
        OutputLayout layout = layout(spark, options);
        LOG.info(
                "spark-upscale: {} -> {} ({})",
                options.input(),
                layout.outputDir(),
                options.settings().describe());
        LongAccumulator skipped = spark.sparkContext().longAccumulator("srgrn.skipped");
        LongAccumulator written = spark.sparkContext().longAccumulator("srgrn.written");
        Dataset<Row> images =
                spark.read()
                        .format("binaryFile")
                        .option("recursiveFileLookup", "true")
                        .load(options.input())
                        .filter(new Todo(layout, options.force(), skipped));
        if (options.partitions() > 0) {
            images = images.repartition(options.partitions());
        }
        SrgrnUpscaler upscaler =
                new SrgrnUpscaler()
                        .setOutputFormat(
                                options.format() == null
                                        ? ImageUpscale.SAME_AS_INPUT
                                        : options.format());
        apply(upscaler, options.settings());
        Dataset<Row> upscaled = upscaler.transform(images).drop("content");
        StructType failureSchema =
                DataTypes.createStructType(
                        List.of(
                                DataTypes.createStructField("path", DataTypes.StringType, false),
                                DataTypes.createStructField(
                                        "reason", DataTypes.StringType, false)));
        List<Row> failed =
                upscaled.mapPartitions(new Write(layout, written), Encoders.row(failureSchema))
                        .collectAsList();
        List<JobReport.Failure> failures = new ArrayList<>();
        for (Row r : failed) {
            failures.add(new JobReport.Failure(r.getString(0), r.getString(1)));
        }
        failures.sort(java.util.Comparator.comparing(JobReport.Failure::input));
        return new JobReport(written.value(), skipped.value(), failures);
    }

    private static void apply(SrgrnUpscaler upscaler, ModelSettings s) {
        upscaler.setModel(s.model() == null ? "" : s.model())
                .setWeights(s.weights() == null ? "" : s.weights())
                .setScale(s.scale())
                .setBackend(s.backend() == null ? "" : s.backend())
                .setThreads(s.threads())
                .setMemory(s.memory());
    }

    /**
     * The input folder (for a glob: the folder before the first wildcard; for a file: its folder).
     */
    static OutputLayout layout(SparkSession spark, Options options) throws IOException {
        String input = options.input();
        int wildcard = firstWildcard(input);
        String base;
        if (wildcard >= 0) {
            String prefix = input.substring(0, wildcard);
            int slash = prefix.lastIndexOf('/');
            base = slash <= 0 ? "/" : prefix.substring(0, slash);
            base = qualified(spark, base.isEmpty() ? "." : base);
        } else {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileSystem fs =
                    p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw new JobSetupException("input not found: " + input);
            }
            base =
                    qualified(
                            spark, fs.getFileStatus(p).isFile() ? p.getParent().toString() : input);
        }
        String basePath = OutputLayout.pathPart(base);
        if (basePath.length() > 1 && basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        Path out = options.output().toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new JobSetupException("output " + out + " exists and is not a folder");
        }
        return new OutputLayout(
                basePath.equals("/") ? "" : basePath, out.toString(), options.format());
    }

    private static String qualified(SparkSession spark, String path) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration())
                .makeQualified(p)
                .toString();
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps the image files that still need doing; counts those skipped because their output
     * exists.
     */
    private record Todo(OutputLayout layout, boolean force, LongAccumulator skipped)
            implements FilterFunction<Row> {
        @Override
        public boolean call(Row row) {
            Optional<Path> out = layout.outputFor(row.getString(row.fieldIndex("path")));
            if (out.isEmpty()) {
                return false;
            }
            if (!force && Files.exists(out.get())) {
                skipped.add(1);
                return false;
            }
            return true;
        }
    }

    /** Writes each done image to its output file (atomically) and passes on only the failures. */
    private record Write(OutputLayout layout, LongAccumulator written)
            implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<Row> failures = new ArrayList<>();
            while (rows.hasNext()) {
                Row row = rows.next();
                String path = row.getString(row.fieldIndex("path"));
                String error = row.getString(row.fieldIndex("error"));
                if (error == null) {
                    Path out = layout.outputFor(path).orElseThrow();
                    try {
                        AtomicWrite.write(out, (byte[]) row.get(row.fieldIndex("upscaled")));
                        written.add(1);
                        continue;
                    } catch (IOException | RuntimeException e) {
                        error = "cannot write " + out + ": " + ImageUpscale.describe(e);
                    }
                }
                LOG.warn("spark-upscale: {} failed: {}", path, error);
                failures.add(RowFactory.create(path, error));
            }
            return failures.iterator();
        }
    }
}
