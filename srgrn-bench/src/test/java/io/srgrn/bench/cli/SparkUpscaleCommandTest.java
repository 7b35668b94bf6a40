package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code srgrn spark-upscale} in local[2] against {@code srgrn upscale} on the same folder: the
 * same files, byte for byte, the same exit status for a corrupt input, and a rerun that skips what
 * exists. (Spark is on this module's test class path as a provided dependency.)
 */
class SparkUpscaleCommandTest {
    @TempDir Path dir;

    @Test
    void writesWhatUpscaleWritesReportsTheCorruptFileAndSkipsOnRerun() throws Exception {
        Path weights = Cli.compactWeights(dir.resolve("w.safetensors"), 2);
        Path in = dir.resolve("in");
        Cli.image(in.resolve("a.png"), 3, 12, 14, false, 1);
        Cli.image(in.resolve("sub/b.png"), 1, 10, 9, false, 2);
        Cli.image(in.resolve("sub/c.png"), 3, 8, 11, true, 3);
        Files.write(in.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        List<String> outputs = List.of("a.png", "sub/b.png", "sub/c.png");

        Cli.Result plain =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("plain").toString(),
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "1");
        assertThat(plain.code()).as(plain.toString()).isEqualTo(ExitCodes.FAILED);

        Path out = dir.resolve("spark");
        String[] args = {
            "spark-upscale",
            "--input",
            in.toString(),
            "-o",
            out.toString(),
            "--master",
            "local[2]",
            "--weights",
            weights.toString(),
            "--threads",
            "1"
        };
        Cli.Result first = Cli.run(args);
        assertThat(first.code()).as(first.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(first.out()).contains("3 written, 0 skipped", "1 failed");
        assertThat(first.err()).contains("broken.png");
        for (String rel : outputs) {
            assertThat(Files.readAllBytes(out.resolve(rel)))
                    .as(rel)
                    .isEqualTo(Files.readAllBytes(dir.resolve("plain").resolve(rel)));
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(outputs.size());
        }

        Cli.Result again = Cli.run(args);
        assertThat(again.code()).as(again.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.out()).contains("0 written, 3 skipped", "1 failed");

        Files.delete(in.resolve("broken.png"));
        Cli.Result done = Cli.run(args);
        assertThat(done.code()).as(done.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void exactTilesAndABudgetGiveWhatSrgrnUpscaleGives() throws Exception {
        Path weights = Cli.compactWeights(dir.resolve("w.safetensors"), 2);
        Path in = dir.resolve("in");
        Cli.image(in.resolve("a.png"), 3, 13, 11, false, 9);
        Path whole = dir.resolve("whole");
        Path tiled = dir.resolve("tiled");
        String[] model = {"--weights", weights.toString(), "--threads", "1"};

        Cli.Result plain = run(model, "upscale", in.toString(), "-o", whole.toString());
        assertThat(plain.code()).as(plain.toString()).isZero();
        Cli.Result plainTiled =
                run(model, "upscale", in.toString(), "-o", tiled.toString(), "--tile", "8");
        assertThat(plainTiled.code()).as(plainTiled.toString()).isZero();

        // --tile 8 alone: exact tiles (2 x 2 here) on every executor, as in srgrn upscale
        Path sparkTiled = dir.resolve("spark-tiled");
        Cli.Result exact = run(model, spark(in, sparkTiled, "--tile", "8"));
        assertThat(exact.code()).as(exact.toString()).isZero();
        assertThat(exact.err()).contains("exact tiles of 8 LR px");
        assertThat(Files.readAllBytes(sparkTiled.resolve("a.png")))
                .isEqualTo(Files.readAllBytes(tiled.resolve("a.png")));
        float[] a = ImageFiles.read(whole.resolve("a.png")).color().data();
        float[] b = ImageFiles.read(sparkTiled.resolve("a.png")).color().data();
        assertThat(b).hasSameSizeAs(a);
        // exact tiles are the whole-image output up to float rounding: at most one 8-bit step
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i]) * 255).as("value %d", i).isLessThanOrEqualTo(1.0001f);
        }

        // an ample budget runs whole images: the whole-image bytes
        Path budget = dir.resolve("spark-budget");
        Cli.Result ample =
                run(model, spark(in, budget, "--max-memory", "64g", "--tile-features", "spill"));
        assertThat(ample.code()).as(ample.toString()).isZero();
        assertThat(ample.err()).contains("memory budget 65536 MiB, features spill");
        assertThat(Files.readAllBytes(budget.resolve("a.png")))
                .isEqualTo(Files.readAllBytes(whole.resolve("a.png")));
    }

    @Test
    void refusesTheMemoryOptionsSrgrnUpscaleRefuses() {
        Path out = dir.resolve("o");
        Cli.Result both = Cli.run(spark(dir, out, "--max-memory", "2g", "--tile", "16"));
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--max-memory chooses the tiles itself");
        Cli.Result small = Cli.run(spark(dir, out, "--tile", "8", "--tile-mode", "fast"));
        assertThat(small.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(small.err()).contains("--tile 8: tile must be at least 16 LR pixels, got 8");
        Cli.Result overlap = Cli.run(spark(dir, out, "--tile-overlap", "4"));
        assertThat(overlap.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(overlap.err()).contains("--tile-overlap needs --tile N");
        assertThat(out).doesNotExist();
        Cli.Result help = Cli.run("spark-upscale", "--help");
        assertThat(help.out())
                .contains("--tile=N", "--tile-mode=MODE", "--tile-overlap=M")
                .contains("--max-memory=SIZE", "--tile-features=HOW");
    }

    private static String[] spark(Path in, Path out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "spark-upscale",
                                "--input",
                                in.toString(),
                                "-o",
                                out.toString(),
                                "--master",
                                "local[2]"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Cli.Result run(String[] model, String... args) {
        String[] all = Arrays.copyOf(args, args.length + model.length);
        System.arraycopy(model, 0, all, args.length, model.length);
        return Cli.run(all);
    }

    @Test
    void refusesABadCommandLineBeforeStartingSpark() {
        Cli.Result r =
                Cli.run(
                        "spark-upscale",
                        "--input",
                        dir.toString(),
                        "-o",
                        dir.resolve("o").toString(),
                        "--scale",
                        "5");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("invalid --scale 5");
        Cli.Result noModel =
                Cli.run(
                        "spark-upscale",
                        "--input",
                        dir.toString(),
                        "-o",
                        dir.resolve("o").toString(),
                        "--scale",
                        "2",
                        "--degradation",
                        "DN");
        assertThat(noModel.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noModel.err()).contains("no trained DN x2 model");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
