package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The smaller refusals of issue 11, one command line each. */
class CommandLineRefusalsTest {
    @TempDir static Path shared;
    static Path weights;

    @TempDir Path dir;

    @BeforeAll
    static void makeWeights() {
        weights = Cli.compactWeights(shared.resolve("compact-x2.safetensors"), 2);
    }

    /**
     * "--threads -1" exited 1 (a failure) where a bad command line is 2, and only after loading the
     * model.
     */
    @ParameterizedTest
    @ValueSource(strings = {"upscale", "eval", "train", "compare"})
    void aNegativeThreadCountIsAUsageErrorOnEveryCommandThatHasIt(String command)
            throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 1);
        String[] args =
                switch (command) {
                    case "upscale" ->
                            new String[] {
                                "upscale",
                                in.toString(),
                                "-o",
                                dir.resolve("o.png").toString(),
                                "--weights",
                                weights.toString(),
                                "--threads",
                                "-1"
                            };
                    case "eval" ->
                            new String[] {
                                "eval",
                                "--weights",
                                weights.toString(),
                                "-o",
                                dir.resolve("e").toString(),
                                "--threads",
                                "-1"
                            };
                    case "train" ->
                            new String[] {
                                "train",
                                "--data",
                                dir.toString(),
                                "--scale",
                                "2",
                                "-o",
                                dir.resolve("run").toString(),
                                "--threads",
                                "-1"
                            };
                    default -> new String[] {"compare", "--threads", "-1"};
                };
        Cli.Result r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--threads").contains("must be >= 0");
        assertThat(dir.resolve("o.png")).doesNotExist();
        assertThat(dir.resolve("run")).doesNotExist();
    }

    /** Messages said "bad/x.png: bad/x.png: ...". */
    @Test
    void anUnreadableImageIsNamedOnce() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Path bad =
                Files.write(
                        folder.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Cli.Result r =
                Cli.run(
                        "upscale",
                        bad.toString(),
                        "-o",
                        dir.resolve("out.png").toString(),
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "1");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains(bad + ": ").doesNotContain(bad + ": " + bad);
        Cli.Result missing =
                Cli.run("info", "--weights", folder.resolve("none.safetensors").toString());
        assertThat(missing.err()).contains("does not exist");
    }

    /** A folder given as weights was reported as "does not exist". */
    @Test
    void aFolderGivenAsWeightsIsCalledAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("w.safetensors"));
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 2);
        Path data = Files.createDirectories(dir.resolve("data"));
        Cli.image(data.resolve("a.png"), 3, 32, 32, false, 3);
        for (String[] args :
                new String[][] {
                    {"info", "--weights", folder.toString()},
                    {
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--weights",
                        folder.toString()
                    },
                    {"eval", "--weights", folder.toString(), "-o", dir.resolve("e").toString()},
                    {
                        "train",
                        "--data",
                        data.toString(),
                        "--scale",
                        "2",
                        "--init-from",
                        folder.toString(),
                        "-o",
                        dir.resolve("run").toString()
                    }
                }) {
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .as(args[0])
                    .contains(folder + " is a folder")
                    .doesNotContain("does not exist");
        }
        assertThat(dir.resolve("run")).doesNotExist();
    }

    /** "--device cuda" said only "it offers [cpu]", hiding why. */
    @Test
    void anUnusableDeviceIsRefusedWithTheBackendsReason() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 4);
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--weights",
                        weights.toString(),
                        "--backend",
                        "djl",
                        "--device",
                        "cuda");
        org.junit.jupiter.api.Assumptions.assumeFalse(
                r.code() == ExitCodes.OK, "this machine has a usable GPU");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("cannot use device cuda:0: ")
                .contains("CUDA")
                .contains("it offers [cpu]");
        assertThat(dir.resolve("o.png")).doesNotExist();
    }

    /** Case 10: the pixel limit from the command line, checked before decoding. */
    @Test
    void anImageOverThePixelLimitIsRefusedNamingItsSizeAndTheLimit() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 10, 12, false, 5);
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "1",
                        "--max-pixels",
                        "119");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains(
                        in
                                + ": image of 12x10 pixels (120 pixels) exceeds the limit of 119 pixels");
        assertThat(dir.resolve("o.png")).doesNotExist();
        Cli.Result ok =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "1",
                        "--max-pixels",
                        "120");
        assertThat(ok.code()).as(ok.toString()).isZero();
        Cli.Result zero =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("z.png").toString(),
                        "--weights",
                        weights.toString(),
                        "--max-pixels",
                        "0");
        assertThat(zero.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aRunFolderThatIsAFileIsAUsageErrorBeforeAnyWork() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Cli.image(data.resolve("a.png"), 3, 32, 32, false, 6);
        Path file = Files.writeString(dir.resolve("run"), "x");
        Cli.Result r =
                Cli.run(
                        "train",
                        "--data",
                        data.toString(),
                        "--scale",
                        "2",
                        "--preset",
                        "compact",
                        "-o",
                        file.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(file + " exists and is not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
