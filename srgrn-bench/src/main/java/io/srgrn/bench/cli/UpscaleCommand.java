package io.srgrn.bench.cli;

import io.srgrn.bench.report.MarkdownTable;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.PixelLimit;
import io.srgrn.spark.MemorySettings;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code srgrn upscale}: super-resolves image files or whole folders. */
@Command(
        name = "upscale",
        mixinStandardHelpOptions = true,
        description = {
            "Super-resolves images (files or whole folders, searched recursively). The output format "
                    + "follows the output file's extension; grey images stay grey and alpha is kept.",
            "Existing outputs are never overwritten without --force. An input that cannot be read is reported "
                    + "and skipped, the others are still done, and the exit status is then 1."
        })
final class UpscaleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseMixin verbose;

    @Mixin BackendOptionsMixin where;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Image files or folders.")
    List<Path> inputs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            required = true,
            description = "Output image file (one input file) or folder.")
    Path output;

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
                        "SRGRN weights (.safetensors). Default: the shipped model for the scale (srgrn models).")
        Path weights;

        @Option(
                names = "--model",
                paramLabel = "NAME",
                description =
                        "A shipped model (srgrn models), 'bicubic', or NAME.safetensors in the models folder "
                                + "(SRGRN_MODELS, default ~/.srgrn/models).")
        String name;

        @Option(
                names = "--untrained",
                description =
                        "Run the paper's SRGRN with random weights (for timing and tests: "
                                + "the output is not a super-resolved image).")
        boolean untrained;

        @Option(
                names = "--degradation",
                paramLabel = "BI|BD|DN",
                description =
                        "Use the shipped default model for how the input was made smaller: BI (bicubic, "
                                + "the default), BD (blurred first) or DN (noise added); BD and DN are x3 "
                                + "(srgrn models lists what is shipped).")
        String degradation;
    }

    @Option(
            names = "--ensemble",
            description = "Self-ensemble (SRGRN+): average over the 8 flips/rotations; 8x slower.")
    boolean ensemble;

    @Option(
            names = "--format",
            paramLabel = "EXT",
            description =
                    "Output format for folder outputs: png, jpg, bmp or tif (default: the input's).")
    String format;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            description =
                    "Refuse input images larger than N pixels (width x height), checked from the file's header "
                            + "before decoding; default: -D"
                            + PixelLimit.PROPERTY
                            + ", else 100000000 (100 megapixels).")
    Long maxPixels;

    @Mixin TilingMixin tiles;

    @Override
    public Integer call() throws Exception {
        if (scale != null) {
            ConfigOptions.requireScale(scale);
        }
        MemorySettings memory = tiles.settings();
        PixelLimit limit = pixelLimit();
        ModelRef ref =
                model.weights != null
                        ? ModelRef.ofWeights(model.weights)
                        : model.name != null
                                ? ModelRef.ofName(model.name)
                                : model.untrained
                                        ? ModelRef.UNTRAINED
                                        : ModelRef.shippedDefault(
                                                scale,
                                                model.degradation == null
                                                        ? "BI"
                                                        : model.degradation);
        UpscalePlan plan = UpscalePlan.of(inputs, output, format, force);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer s = scale == null && ref.bicubic() ? Integer.valueOf(4) : scale;
        List<String> failures = new ArrayList<>();
        MarkdownTable table =
                new MarkdownTable("input", "output", "size in", "size out", "seconds")
                        .alignRight(4);
        try (ImageUpscaler upscaler = ref.open(s, ensemble, memory, where)) {
            err.println("upscale: " + plan.jobs().size() + " image(s) with " + upscaler.describe());

            ProgressBar bar =
                    plan.jobs().size() > 1
                            ? ProgressBar.onStderr(err, "upscale", plan.jobs().size())
                            : null;
            int done = 0;
            for (UpscalePlan.Job job : plan.jobs()) {
                long t0 = System.nanoTime();
                try {
                    DecodedImage in = ImageFiles.read(job.input(), limit);
                    // refused before the work, not after it: alpha into JPEG or BMP
                    ImageFiles.requireWritable(job.output(), in.hasAlpha());
                    BufferedImage result;
                    // A large image in tiles can run for an hour: its own bar shows the tiles.
                    try (TileBar tiles = new TileBar(err, job.input().getFileName().toString())) {
                        result =
                                upscaler.upscaleToImage(
                                        in,
                                        tiles,
                                        ImageFiles.bitDepthFor(job.output(), in.bitDepth()));
                    }
                    Path parent = job.output().toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    ImageFiles.write(job.output(), result);
                    table.row(
                            job.input().toString(),
                            job.output().toString(),
                            in.width() + "x" + in.height(),
                            result.getWidth() + "x" + result.getHeight(),
                            io.srgrn.bench.report.Numbers.fixed((System.nanoTime() - t0) / 1e9, 2));
                } catch (Exception | OutOfMemoryError e) {
                    String reason = Errors.describeFor(job.input(), e);
                    failures.add(reason);
                    if (bar != null) {
                        bar.message("upscale: skipped " + reason);
                    } else {
                        err.println("upscale: skipped " + reason);
                    }
                }
                done++;
                if (bar != null) {
                    bar.update(done, job.input().getFileName().toString());
                }
            }
            if (bar != null) {
                bar.close();
            }
        }
        if (table.rowCount() > 0) {
            out.print(table.render());
        }
        if (!failures.isEmpty()) {
            err.println(
                    "upscale: "
                            + failures.size()
                            + " of "
                            + plan.jobs().size()
                            + " image(s) failed:");
            failures.forEach(f -> err.println("  " + f));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** A progress bar over one image's tiles, drawn from its first tile on. */
    private static final class TileBar implements io.srgrn.api.TileProgress, AutoCloseable {
        private final PrintWriter err;
        private final String name;
        private ProgressBar bar;

        TileBar(PrintWriter err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void update(long done, long total) {
            if (bar == null) {
                bar = ProgressBar.onStderr(err, "tiles", total);
            }
            bar.update(done, name);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private PixelLimit pixelLimit() {
        if (maxPixels != null) {
            if (maxPixels < 1) {
                throw new UsageException("--max-pixels must be at least 1, got " + maxPixels);
            }
            return new PixelLimit(maxPixels);
        }
        try {
            return PixelLimit.configured();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
