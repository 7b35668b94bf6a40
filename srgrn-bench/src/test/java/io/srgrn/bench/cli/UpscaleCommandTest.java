package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpscaleCommandTest {
    @TempDir static Path shared;
    static Path weights;

    @TempDir Path dir;

    @BeforeAll
    static void makeWeights() {
        weights = Cli.compactWeights(shared.resolve("compact-x2.safetensors"), 2);
    }

    private Cli.Result upscale(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "upscale";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--weights";
        all[args.length + 2] = weights.toString();
        all[args.length + 3] = "--threads";
        all[args.length + 4] = "1";
        return Cli.run(all);
    }

    @Test
    void upscalesOneFileToTheNamedFile() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 10, 12, false, 1);
        Path out = dir.resolve("out.png");
        Cli.Result r = upscale(in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        DecodedImage result = ImageFiles.read(out);
        assertThat(result.height()).isEqualTo(20);
        assertThat(result.width()).isEqualTo(24);
        assertThat(result.color().channels()).isEqualTo(3);
        assertThat(r.out()).contains("| " + in + " ").contains("12x10").contains("24x20");
    }

    @Test
    void tilesWhoseContextCoversTheImageReproduceTheWholeImageOutputExactly() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 30, 34, false, 7);
        Path whole = dir.resolve("whole.png");
        Path tiled = dir.resolve("tiled.png");
        Path seams = dir.resolve("seams.png");
        assertThat(upscale(in.toString(), "-o", whole.toString()).code()).isZero();
        // Six 16-pixel tiles (2 x 3), each run with 40 pixels of context: every tile sees the whole
        // image.
        Cli.Result r =
                upscale(
                        in.toString(),
                        "-o",
                        tiled.toString(),
                        "--tile",
                        "16",
                        "--tile-overlap",
                        "40");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("tiles of 16 LR px + 40 overlap");
        // the image's own progress bar counts its tiles and ends at all of them
        assertThat(r.err()).contains("tiles [").contains("] 6/6 100% in ");
        assertThat(ImageFiles.read(tiled).color().data())
                .isEqualTo(ImageFiles.read(whole).color().data());
        // With little context the global reasoning sees less: same size, different pixels.
        assertThat(
                        upscale(
                                        in.toString(),
                                        "-o",
                                        seams.toString(),
                                        "--tile",
                                        "16",
                                        "--tile-overlap",
                                        "2")
                                .code())
                .isZero();
        DecodedImage s = ImageFiles.read(seams);
        assertThat(s.width()).isEqualTo(68);
        assertThat(s.height()).isEqualTo(60);
        assertThat(s.color().data()).isNotEqualTo(ImageFiles.read(whole).color().data());
    }

    @Test
    void badTilingIsAUsageError() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 10, 12, false, 1);
        Cli.Result small =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("a.png").toString(),
                        "--tile",
                        "8",
                        "--tile-mode",
                        "fast");
        assertThat(small.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(small.err()).contains("--tile 8: tile must be at least 16 LR pixels, got 8");
        Cli.Result alone =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("b.png").toString(),
                        "--tile-overlap",
                        "4");
        assertThat(alone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("--tile-overlap needs --tile N");
        assertThat(dir.resolve("a.png")).doesNotExist();
        assertThat(dir.resolve("b.png")).doesNotExist();
        Cli.Result both =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("c.png").toString(),
                        "--max-memory",
                        "2g",
                        "--tile",
                        "16");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--max-memory chooses the tiles itself");
        Cli.Result exactOverlap =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("d.png").toString(),
                        "--tile",
                        "16",
                        "--tile-mode",
                        "exact",
                        "--tile-overlap",
                        "4");
        assertThat(exactOverlap.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(exactOverlap.err()).contains("--tile-overlap is for --tile-mode fast");
        Cli.Result badSize =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("e.png").toString(),
                        "--max-memory",
                        "lots");
        assertThat(badSize.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSize.err()).contains("expected a positive size such as 2g");
    }

    @Test
    void exactTilesOfAnySizeGiveTheWholeImageOutput() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 13, 11, false, 9);
        Path whole = dir.resolve("whole.png");
        Path exact = dir.resolve("exact.png");
        assertThat(upscale(in.toString(), "-o", whole.toString()).code()).isZero();
        Cli.Result r =
                upscale(
                        in.toString(),
                        "-o",
                        exact.toString(),
                        "--tile",
                        "4",
                        "--tile-features",
                        "spill");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("exact tiles of 4 LR px");
        float[] a = ImageFiles.read(whole).color().data();
        float[] b = ImageFiles.read(exact).color().data();
        assertThat(b).hasSameSizeAs(a);
        // float rounding may move a value across an 8-bit step, never further
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i]) * 255).as("value %d", i).isLessThanOrEqualTo(1.0001f);
        }
    }

    @Test
    void aMemoryBudgetTooSmallForTheProcessIsAClearErrorAndAGenerousOneRunsWhole()
            throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 10, 12, false, 1);
        Cli.Result tiny =
                upscale(in.toString(), "-o", dir.resolve("a.png").toString(), "--max-memory", "1m");
        assertThat(tiny.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(tiny.err())
                .contains("memory budget of 1 MiB is too small")
                .contains("raise the budget to at least");
        Cli.Result ample =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("b.png").toString(),
                        "--max-memory",
                        "64g");
        assertThat(ample.code()).as(ample.toString()).isZero();
        assertThat(ImageFiles.read(dir.resolve("b.png")).width()).isEqualTo(24);
    }

    @Test
    void keepsGreyAndAlpha() throws IOException {
        Path grey = Cli.image(dir.resolve("grey.png"), 1, 8, 9, false, 2);
        Path rgba = Cli.image(dir.resolve("rgba.png"), 3, 8, 9, true, 3);
        Path out = dir.resolve("out");
        Cli.Result r = upscale(grey.toString(), rgba.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        DecodedImage g = ImageFiles.read(out.resolve("grey.png"));
        assertThat(g.color().channels()).isEqualTo(1);
        assertThat(g.hasAlpha()).isFalse();
        DecodedImage a = ImageFiles.read(out.resolve("rgba.png"));
        assertThat(a.color().channels()).isEqualTo(3);
        assertThat(a.hasAlpha()).isTrue();
        assertThat(a.height()).isEqualTo(16);
        assertThat(a.width()).isEqualTo(18);
    }

    @Test
    void outputFormatFollowsTheExtension() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 4);
        Path out = dir.resolve("out.bmp");
        Cli.Result r = upscale(in.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        byte[] head = Files.readAllBytes(out);
        assertThat(new String(head, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("BM");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 5);
        Path out = dir.resolve("out.png");
        Files.writeString(out, "keep me");
        Cli.Result r = upscale(in.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("refusing to overwrite")
                .contains(out.toString())
                .contains("--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");

        Cli.Result forced = upscale(in.toString(), "-o", out.toString(), "--force");
        assertThat(forced.code()).as(forced.toString()).isZero();
        assertThat(ImageFiles.read(out).width()).isEqualTo(16);
    }

    /** Issue 11: "-o x.gif" made a folder x.gif/ holding in.png, with exit 0. */
    @Test
    void anOutputWithAnUnsupportedExtensionIsAUsageErrorAndCreatesNothing() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 11);
        for (String name : new String[] {"x.gif", "x.webp"}) {
            Path out = dir.resolve(name);
            Cli.Result r = upscale(in.toString(), "-o", out.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains(out.toString()).contains("unsupported");
            assertThat(out).doesNotExist();
        }
        Path gif = Files.write(dir.resolve("in.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a'});
        Path folder = dir.resolve("gifs");
        Cli.Result r = upscale(gif.toString(), "-o", folder.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("in.gif").contains("--format");
        assertThat(folder).doesNotExist();
    }

    /**
     * Issue 11: re-running into a subfolder of the input upscaled its own outputs into out/out/.
     */
    @Test
    void anOutputFolderInsideTheInputFolderIsNotReadAsInput() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Cli.image(folder.resolve("a.png"), 3, 8, 8, false, 12);
        Path out = folder.resolve("out");
        assertThat(upscale(folder.toString(), "-o", out.toString()).code()).isZero();
        Cli.Result again = upscale(folder.toString(), "-o", out.toString(), "--force");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(ImageFiles.read(out.resolve("a.png")).width()).isEqualTo(16);
        assertThat(out.resolve("out")).doesNotExist();
    }

    @Test
    void badFileIsSkippedTheRestDoneAndTheExitIsNonZero() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Cli.image(folder.resolve("a.png"), 3, 8, 8, false, 6);
        Files.write(folder.resolve("b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.createDirectories(folder.resolve("sub"));
        Cli.image(folder.resolve("sub").resolve("c.png"), 3, 8, 8, false, 7);
        Path out = dir.resolve("out");
        Cli.Result r = upscale(folder.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("skipped")
                .contains("b.png")
                .contains("1 of 3 image(s) failed");
        assertThat(ImageFiles.read(out.resolve("a.png")).width()).isEqualTo(16);
        assertThat(ImageFiles.read(out.resolve("sub").resolve("c.png")).width()).isEqualTo(16);
        assertThat(out.resolve("b.png")).doesNotExist();
    }

    @Test
    void missingInputIsAUsageErrorAndNothingIsWritten() throws IOException {
        Path good = Cli.image(dir.resolve("good.png"), 3, 8, 8, false, 8);
        Path out = dir.resolve("out");
        Cli.Result r =
                upscale(
                        good.toString(),
                        dir.resolve("missing.png").toString(),
                        "-o",
                        out.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("input not found").contains("missing.png");
        assertThat(out).doesNotExist();
    }

    @Test
    void severalInputsNeedAnOutputFolder() throws IOException {
        Path a = Cli.image(dir.resolve("a.png"), 3, 8, 8, false, 9);
        Path b = Cli.image(dir.resolve("b.png"), 3, 8, 8, false, 10);
        Cli.Result r = upscale(a.toString(), b.toString(), "-o", dir.resolve("x.png").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("names one image file").contains("give a folder");
    }

    @Test
    void scaleThatContradictsTheWeightsIsAUsageError() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 11);
        Cli.Result r =
                upscale(in.toString(), "-o", dir.resolve("o.png").toString(), "--scale", "4");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scale 4").contains("x2 model");
    }

    @Test
    void weightsAndModelAreExclusive() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 12);
        Cli.Result r =
                upscale(in.toString(), "-o", dir.resolve("o.png").toString(), "--model", "bicubic");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void missingWeightsFileIsAUsageError() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 8, 8, false, 13);
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--weights",
                        dir.resolve("none.safetensors").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("none.safetensors").contains("does not exist");
    }

    @Test
    void bicubicModelNeedsNoWeights() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 6, 7, false, 14);
        Path out = dir.resolve("o.png");
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        out.toString(),
                        "--model",
                        "bicubic",
                        "--scale",
                        "3");
        assertThat(r.code()).as(r.toString()).isZero();
        DecodedImage result = ImageFiles.read(out);
        assertThat(result.height()).isEqualTo(18);
        assertThat(result.width()).isEqualTo(21);
    }

    @Test
    void namedModelComesFromTheModelsFolder() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(weights, models.resolve("mine.safetensors"));
        Path in = Cli.image(dir.resolve("in.png"), 3, 6, 7, false, 16);
        Path out = dir.resolve("o.png");
        String before = System.getProperty(ModelRef.MODELS_PROPERTY);
        System.setProperty(ModelRef.MODELS_PROPERTY, models.toString());
        try {
            Cli.Result r =
                    Cli.run(
                            "upscale",
                            in.toString(),
                            "-o",
                            out.toString(),
                            "--model",
                            "mine",
                            "--ensemble");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.err()).contains("with mine+ x2");
            assertThat(ImageFiles.read(out).width()).isEqualTo(14);
        } finally {
            if (before == null) {
                System.clearProperty(ModelRef.MODELS_PROPERTY);
            } else {
                System.setProperty(ModelRef.MODELS_PROPERTY, before);
            }
        }
    }

    @Test
    void unavailableBackendOrDeviceIsAUsageError() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 6, 7, false, 17);
        Cli.Result backend =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("a.png").toString(),
                        "--backend",
                        "nosuch");
        assertThat(backend.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(backend.err())
                .contains("'nosuch' was requested but is not on the class path")
                .contains("djl");
        Cli.Result device =
                upscale(
                        in.toString(),
                        "-o",
                        dir.resolve("b.png").toString(),
                        "--backend",
                        "djl",
                        "--device",
                        "cuda:7");
        assertThat(device.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(device.err()).contains("cuda:7");
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void unknownModelNameIsAUsageError() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 6, 7, false, 15);
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--model",
                        "edsr");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown model 'edsr'");
    }

    @Test
    void withoutWeightsTheShippedDefaultModelOfTheScaleRuns() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 9, 11, false, 18);
        Path out = dir.resolve("o.png");
        String model = io.srgrn.api.models.Models.defaultFor(2, "BI").orElseThrow().name();
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        out.toString(),
                        "--scale",
                        "2",
                        "--threads",
                        "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("with " + model + " x2");
        assertThat(ImageFiles.read(out).width()).isEqualTo(22);
        Cli.Result named =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("n.png").toString(),
                        "--model",
                        model,
                        "--threads",
                        "1");
        assertThat(named.code()).as(named.toString()).isZero();
        assertThat(dir.resolve("n.png")).hasSameBinaryContentAs(out);
        Cli.Result mismatch =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("m.png").toString(),
                        "--model",
                        model,
                        "--scale",
                        "4");
        assertThat(mismatch.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mismatch.err()).contains("holds an x2 model");
    }

    @Test
    void aDegradationRunsItsOwnShippedDefaultOrSaysThereIsNone() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 9, 11, false, 21);
        String bd = io.srgrn.api.models.Models.defaultFor(3, "BD").orElseThrow().name();
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("bd.png").toString(),
                        "--scale",
                        "3",
                        "--degradation",
                        "bd",
                        "--threads",
                        "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("with " + bd + " x3");
        assertThat(ImageFiles.read(dir.resolve("bd.png")).width()).isEqualTo(33);
        // BD is an x3 degradation: no x2 model, and no silent fall-back to the BI one
        Cli.Result none =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("none.png").toString(),
                        "--scale",
                        "2",
                        "--degradation",
                        "BD");
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no trained BD x2 model");
        assertThat(dir.resolve("none.png")).doesNotExist();
        Cli.Result unknown =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("u.png").toString(),
                        "--degradation",
                        "blur");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--degradation blur").contains("BI, BD or DN");
        Cli.Result both =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("b.png").toString(),
                        "--degradation",
                        "BD",
                        "--model",
                        bd);
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void randomWeightsOnlyWhenAskedFor() throws IOException {
        Path in = Cli.image(dir.resolve("in.png"), 3, 6, 7, false, 19);
        Cli.Result r =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("o.png").toString(),
                        "--untrained",
                        "--scale",
                        "2",
                        "--threads",
                        "1");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("with SRGRN (untrained) x2");
        Cli.Result both =
                Cli.run(
                        "upscale",
                        in.toString(),
                        "-o",
                        dir.resolve("p.png").toString(),
                        "--untrained",
                        "--weights",
                        weights.toString());
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }
}
