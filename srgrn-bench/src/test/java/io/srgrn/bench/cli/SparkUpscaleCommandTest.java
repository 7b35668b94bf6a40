package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    }
}
