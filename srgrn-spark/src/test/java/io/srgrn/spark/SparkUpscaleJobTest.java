package io.srgrn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.Srgrn;
import io.srgrn.data.image.ImageFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder job in local[2] on Set14 (cropped) plus one corrupt file: the outputs are the bytes
 * the library and {@code srgrn upscale}'s writer give for the same images, the corrupt file is a
 * reported failure with exit status 1, and a rerun skips what exists.
 */
class SparkUpscaleJobTest {
    @TempDir static Path tmp;

    static Path in;
    static List<Path> images;

    @BeforeAll
    static void images() throws Exception {
        in = tmp.resolve("in");
        images = TestImages.set14WithBroken(in);
    }

    private static SparkUpscaleJob.Options options(Path out, boolean force) {
        return new SparkUpscaleJob.Options(
                in.toString(), out, null, force, 0, ModelSettings.shippedDefault(2));
    }

    @Test
    void outputsAreTheLibrarysBytesAndTheCorruptImageIsAFailure() throws Exception {
        Path out = tmp.resolve("out-job");
        int loadsBefore = ExecutorModels.loads();
        JobReport report = SparkUpscaleJob.run(LocalSpark.session(), options(out, false));

        assertThat(report.written()).isEqualTo(images.size());
        assertThat(report.skipped()).isZero();
        assertThat(report.failures())
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.input()).endsWith("/" + TestImages.BROKEN);
                            assertThat(f.reason())
                                    .contains(TestImages.BROKEN)
                                    .containsIgnoringCase("corrupt");
                        });
        assertThat(report.exitStatus()).isEqualTo(SparkUpscale.FAILED);
        assertThat(ExecutorModels.loads() - loadsBefore)
                .as("models built for the whole job")
                .isLessThanOrEqualTo(1);
        assertThat(Files.exists(out.resolve(TestImages.BROKEN))).isFalse();

        Path reference = tmp.resolve("reference");
        try (Srgrn sr = Srgrn.builder().scale(2).build()) { // what `srgrn upscale --scale 2` runs
            for (Path img : images) {
                Path rel = in.relativize(img);
                ImageFiles.write(reference.resolve(rel), sr.upscale(ImageFiles.read(img), false));
                assertThat(Files.readAllBytes(out.resolve(rel)))
                        .as(rel.toString())
                        .isEqualTo(Files.readAllBytes(reference.resolve(rel)));
            }
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(Files::isRegularFile).count())
                    .as("only the outputs, no temporary files")
                    .isEqualTo(images.size());
        }
    }

    @Test
    void aRerunSkipsExistingOutputsAndForceRedoesThem() throws Exception {
        Path out = tmp.resolve("out-rerun");
        SparkUpscaleJob.run(LocalSpark.session(), options(out, false));
        List<FileTime> times = new ArrayList<>();
        Path first = out.resolve(in.relativize(images.get(0)));
        Files.setLastModifiedTime(first, FileTime.fromMillis(1_000_000L));
        for (Path img : images) {
            times.add(Files.getLastModifiedTime(out.resolve(in.relativize(img))));
        }
        int loads = ExecutorModels.loads();

        JobReport again = SparkUpscaleJob.run(LocalSpark.session(), options(out, false));
        assertThat(again.skipped()).isEqualTo(images.size());
        assertThat(again.written()).isZero();
        assertThat(again.failures())
                .hasSize(1); // the corrupt file has no output, so it is tried again
        for (int i = 0; i < images.size(); i++) {
            assertThat(Files.getLastModifiedTime(out.resolve(in.relativize(images.get(i)))))
                    .isEqualTo(times.get(i));
        }

        JobReport forced = SparkUpscaleJob.run(LocalSpark.session(), options(out, true));
        assertThat(forced.written()).isEqualTo(images.size());
        assertThat(forced.skipped()).isZero();
        assertThat(Files.getLastModifiedTime(first)).isNotEqualTo(FileTime.fromMillis(1_000_000L));
        assertThat(ExecutorModels.loads())
                .as("the executor's model is reused across jobs")
                .isEqualTo(loads);
    }

    @Test
    void theEntryPointExitsWithOneWhenAnImageFailedAndWritesTheFormatAsked() throws Exception {
        LocalSpark.session();
        Path out = tmp.resolve("out-main");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status =
                SparkUpscale.execute(
                        new String[] {
                            "--input",
                            in + "/*.png",
                            "--output",
                            out.toString(),
                            "--master",
                            "local[2]",
                            "--scale",
                            "2",
                            "--format",
                            "bmp"
                        },
                        new PrintWriter(stdout, true),
                        new PrintWriter(stderr, true));

        assertThat(status).isEqualTo(SparkUpscale.FAILED);
        assertThat(stderr.toString()).contains(TestImages.BROKEN);
        long topLevel = images.stream().filter(p -> p.getParent().equals(in)).count();
        assertThat(stdout.toString()).contains(topLevel + " written", "1 failed");
        try (Stream<Path> all = Files.list(out)) {
            assertThat(all.map(p -> p.getFileName().toString()).toList())
                    .hasSize((int) topLevel)
                    .allMatch(n -> n.endsWith(".bmp"));
        }
    }

    @Test
    void aBadCommandLineIsAUsageError() {
        StringWriter stderr = new StringWriter();
        int status =
                SparkUpscale.execute(
                        new String[] {"--input", "x", "--scale", "5", "--output", "y"},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(stderr, true));
        assertThat(status).isEqualTo(SparkUpscale.USAGE);
        assertThat(stderr.toString()).contains("invalid scale 5");
    }
}
