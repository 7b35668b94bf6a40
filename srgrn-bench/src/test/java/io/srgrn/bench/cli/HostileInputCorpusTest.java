package io.srgrn.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11, "keep it proven": a corpus of hostile inputs, generated here from seeds, run through
 * the command line in this JVM. Each case is either handled (exit 0 and a readable output) or
 * refused cleanly: the documented exit status (README, "Exit statuses"), the file (or option) and
 * the reason named once on stderr, no stack trace, and no output or temporary file left behind.
 * Anything else is bad; the test logs the counts and fails on any bad case.
 *
 * <p>Images and weights are tiny and the model is the untrained compact x2, so the whole corpus
 * runs in seconds. Training is only asked to refuse bad folders and arguments; nothing trains.
 */
class HostileInputCorpusTest {
    private static final Logger LOG = LoggerFactory.getLogger(HostileInputCorpusTest.class);

    /** What a case may end as. */
    enum Expect {
        HANDLED,
        REFUSED,
        EITHER
    }

    /**
     * One command line. {@code output}: what a handled run writes (null: nothing). {@code code}:
     * the exit status of a refusal. {@code mention}: what stderr must name on refusal (the file or
     * the option); {@code reason}: a part of the reason it must give (null: any).
     */
    record Case(
            String name,
            Path folder,
            List<String> args,
            Expect expect,
            Path output,
            int code,
            String mention,
            String reason) {}

    @TempDir Path dir;

    private Path weights;
    private Path goodPng;
    private Path goodJpeg;
    private final List<Case> cases = new ArrayList<>();

    @Test
    void everyHostileInputIsHandledOrRefusedCleanly() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        weights = Cli.compactWeights(shared.resolve("compact-x2.safetensors"), 2);
        goodPng = Cli.image(shared.resolve("good.png"), 3, 10, 12, false, 1);
        goodJpeg = Cli.image(shared.resolve("good.jpg"), 3, 16, 16, false, 2);
        imageCases();
        weightsCases();
        trainingCases();
        optionCases();

        int handled = 0;
        int refused = 0;
        List<String> bad = new ArrayList<>();
        for (Case c : cases) {
            String verdict = run(c);
            LOG.debug("{}: {}", c.name(), verdict);
            if (verdict.equals("handled")) {
                handled++;
            } else if (verdict.equals("refused")) {
                refused++;
            } else {
                bad.add(c.name() + ": " + verdict);
            }
        }
        LOG.info(
                "hostile-input corpus: {} cases tried, {} handled, {} refused cleanly, {} bad",
                cases.size(),
                handled,
                refused,
                bad.size());
        bad.forEach(b -> LOG.warn("bad case {}", b));
        assertThat(bad).as("bad cases").isEmpty();
        assertThat(handled + refused).isEqualTo(cases.size());
    }

    // ---------------------------------------------------------------- the corpus

    private void imageCases() throws IOException {
        Path big = Cli.image(dir.resolve("big.png"), 3, 40, 40, false, 3);
        upscaleImage("valid-png", f -> Files.copy(goodPng, f), "png", Expect.HANDLED, null);
        upscaleImage("zero-byte", f -> Files.write(f, new byte[0]), "png", Expect.REFUSED, null);
        for (double fraction : new double[] {0.05, 0.3, 0.6, 0.95}) {
            upscaleImage(
                    "truncated-png-" + fraction,
                    f -> HostileFiles.truncated(big, f, fraction),
                    "png",
                    Expect.REFUSED,
                    null);
            upscaleImage(
                    "truncated-jpeg-" + fraction,
                    f -> HostileFiles.truncated(goodJpeg, f, fraction),
                    "jpg",
                    Expect.REFUSED,
                    null);
        }
        for (int seed = 0; seed < 6; seed++) {
            int s = seed;
            upscaleImage(
                    "bit-flipped-png-" + seed,
                    f -> HostileFiles.bitFlipped(big, f, 1 + s, s),
                    "png",
                    Expect.EITHER,
                    null);
            upscaleImage(
                    "bit-flipped-jpeg-" + seed,
                    f -> HostileFiles.bitFlipped(goodJpeg, f, 1 + s, s),
                    "jpg",
                    Expect.EITHER,
                    null);
        }
        for (int seed = 0; seed < 3; seed++) {
            int s = seed;
            upscaleImage(
                    "random-" + seed,
                    f -> HostileFiles.randomBytes(f, 10 + 700 * s, s),
                    "png",
                    Expect.REFUSED,
                    null);
        }
        upscaleImage(
                "png-declaring-20000x20000",
                f -> HostileFiles.forgedPng(f, 20000, 20000),
                "png",
                Expect.REFUSED,
                "20000x20000");
        upscaleImage(
                "png-declaring-2^31-1-squared",
                f -> HostileFiles.forgedPng(f, Integer.MAX_VALUE, Integer.MAX_VALUE),
                "png",
                Expect.REFUSED,
                null);
        upscaleImage(
                "png-declaring-0x0",
                f -> HostileFiles.forgedPng(f, 0, 0),
                "png",
                Expect.REFUSED,
                null);
        upscaleImage(
                "jpeg-declaring-65000x65000",
                f -> HostileFiles.jpegDeclaring(goodJpeg, f, 65000, 65000),
                "jpg",
                Expect.REFUSED,
                "65000x65000");
        upscaleImage("1x40", f -> Cli.image(f, 3, 40, 1, false, 4), "png", Expect.HANDLED, null);
        upscaleImage("40x1", f -> Cli.image(f, 3, 1, 40, false, 5), "png", Expect.HANDLED, null);
        upscaleImage("1x1", f -> Cli.image(f, 3, 1, 1, false, 6), "png", Expect.HANDLED, null);
        upscaleImage(
                "16-bit-grey",
                f -> HostileFiles.sixteenBit(f, 1, 9, 11),
                "png",
                Expect.HANDLED,
                null);
        upscaleImage(
                "16-bit-rgb",
                f -> HostileFiles.sixteenBit(f, 3, 9, 11),
                "png",
                Expect.HANDLED,
                null);
        upscaleImage(
                "palette", f -> HostileFiles.palette(f, "png", 9, 11), "png", Expect.HANDLED, null);
        upscaleImage(
                "grey-alpha", f -> Cli.image(f, 1, 9, 11, true, 7), "png", Expect.HANDLED, null);
        upscaleImage(
                "rgb-alpha", f -> Cli.image(f, 3, 9, 11, true, 8), "png", Expect.HANDLED, null);
        upscaleImage(
                "cmyk-jpeg", f -> HostileFiles.cmykJpeg(f, 12, 12), "jpg", Expect.REFUSED, null);
        upscaleImage(
                "gif", f -> HostileFiles.palette(f, "gif", 9, 11), "gif", Expect.HANDLED, null);
        upscaleImage("png-named-jpg", f -> Files.copy(goodPng, f), "jpg", Expect.HANDLED, null);
        Path folder = Files.createDirectories(dir.resolve("unsupported-output"));
        cases.add(
                new Case(
                        "unsupported-output-extension",
                        folder,
                        List.of(
                                "upscale",
                                goodPng.toString(),
                                "-o",
                                folder.resolve("x.gif").toString(),
                                "--weights",
                                weights.toString(),
                                "--threads",
                                "1"),
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        folder.resolve("x.gif").toString(),
                        "unsupported image file extension"));
    }

    private void weightsCases() throws IOException {
        upscaleWithWeights(
                "valid", f -> Files.copy(weights, f), Expect.HANDLED, ExitCodes.FAILED, null);
        upscaleWithWeights(
                "zero-byte",
                f -> Files.write(f, new byte[0]),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "random",
                f -> HostileFiles.randomBytes(f, 3000, 9),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "truncated",
                f -> HostileFiles.truncated(weights, f, 0.5),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "truncated-header",
                f -> HostileFiles.truncated(weights, f, 0.001),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "huge-header-length",
                f -> HostileFiles.hugeHeaderLength(weights, f),
                Expect.REFUSED,
                ExitCodes.FAILED,
                "header length");
        upscaleWithWeights(
                "bit-flipped-header",
                f -> HostileFiles.bitFlipped(weights, f, 3, 11),
                Expect.EITHER,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "overlapping",
                f -> HostileFiles.overlapping(weights, f),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "nan",
                f ->
                        HostileFiles.Safetensors.read(weights)
                                .withFloats(i -> i == 5 ? Double.NaN : 0.01)
                                .write(f),
                Expect.REFUSED,
                ExitCodes.FAILED,
                "finite");
        upscaleWithWeights(
                "infinity",
                f ->
                        HostileFiles.Safetensors.read(weights)
                                .withFloats(i -> i % 2 == 0 ? Double.POSITIVE_INFINITY : 0.01)
                                .write(f),
                Expect.REFUSED,
                ExitCodes.FAILED,
                "finite");
        upscaleWithWeights(
                "wrong-config-scale",
                f -> HostileFiles.withConfig(weights, f, "scale", 3L),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "wrong-config-width",
                f -> HostileFiles.withConfig(weights, f, "G0", 7L),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "config-not-json",
                f -> HostileFiles.withMetadata(weights, f, "config", "{\"scale\": "),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        upscaleWithWeights(
                "foreign-format",
                f -> HostileFiles.withMetadata(weights, f, "format", "diffusers"),
                Expect.REFUSED,
                ExitCodes.FAILED,
                null);
        // Finite but huge weights overflow float32 in the forward pass: refused per image, the
        // image named.
        Path folder = Files.createDirectories(dir.resolve("weights-huge"));
        Path in = Files.copy(goodPng, folder.resolve("in.png"));
        Path huge =
                HostileFiles.Safetensors.read(weights)
                        .withFloats(i -> i % 2 == 0 ? 3e38 : -3e38)
                        .write(folder.resolve("huge.safetensors"));
        cases.add(
                new Case(
                        "weights-huge-finite",
                        folder,
                        upscaleArgs(in, folder.resolve("out").resolve("in.png"), huge),
                        Expect.REFUSED,
                        null,
                        ExitCodes.FAILED,
                        in.toString(),
                        "non-finite"));
        Path asFolder = Files.createDirectories(dir.resolve("weights-folder"));
        Path fakeWeights = Files.createDirectories(asFolder.resolve("w.safetensors"));
        Path in2 = Files.copy(goodPng, asFolder.resolve("in.png"));
        cases.add(
                new Case(
                        "weights-is-a-folder",
                        asFolder,
                        upscaleArgs(in2, asFolder.resolve("out").resolve("in.png"), fakeWeights),
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        fakeWeights.toString(),
                        "is a folder"));
        Path missing = dir.resolve("weights-missing").resolve("none.safetensors");
        Files.createDirectories(missing.getParent());
        Path in3 = Files.copy(goodPng, missing.resolveSibling("in.png"));
        cases.add(
                new Case(
                        "weights-missing",
                        missing.getParent(),
                        upscaleArgs(in3, missing.resolveSibling("out").resolve("in.png"), missing),
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        missing.toString(),
                        "does not exist"));
    }

    private void trainingCases() throws IOException {
        Path good = Files.createDirectories(dir.resolve("train-good-data"));
        Cli.image(good.resolve("a.png"), 3, 32, 32, false, 20);
        train("missing-folder", d -> d.resolve("nowhere"), List.of(), "does not exist");
        train(
                "data-is-a-file",
                d -> Cli.image(d.resolve("x.png"), 3, 32, 32, false, 21),
                List.of(),
                "not a folder");
        train("empty-folder", d -> Files.createDirectories(d.resolve("empty")), List.of(), null);
        train(
                "no-images",
                d -> {
                    Path f = Files.createDirectories(d.resolve("texts"));
                    Files.writeString(f.resolve("readme.txt"), "no images here");
                    return f;
                },
                List.of(),
                null);
        trainOption("threads-negative", good, List.of("--threads", "-1"), "--threads");
        trainOption("scale-5", good, List.of("--scale", "5"), "--scale");
        trainOption("iterations-0", good, List.of("--iterations", "0"), "--iterations");
        trainOption("patch-0", good, List.of("--patch", "0"), "--patch");
        trainOption("workers-0", good, List.of("--workers", "0"), "--workers");
        trainOption("unknown-preset", good, List.of("--preset", "huge"), "--preset");
        Path initFolder = Files.createDirectories(dir.resolve("init-folder.safetensors"));
        trainOption(
                "init-from-a-folder",
                good,
                List.of("--init-from", initFolder.toString()),
                initFolder.toString());
        Path folder = Files.createDirectories(dir.resolve("train-out-is-a-file"));
        Path file = Files.writeString(folder.resolve("run"), "not a folder");
        cases.add(
                new Case(
                        "train-out-is-a-file",
                        folder,
                        List.of(
                                "train",
                                "--data",
                                good.toString(),
                                "--scale",
                                "2",
                                "--preset",
                                "compact",
                                "--iterations",
                                "1",
                                "--threads",
                                "1",
                                "-o",
                                file.toString()),
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        file.toString(),
                        "not a folder"));
        Path resume = Files.createDirectories(dir.resolve("train-resume-nothing"));
        cases.add(
                new Case(
                        "train-resume-nothing",
                        resume,
                        List.of("train", "--resume", "-o", resume.resolve("run").toString()),
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        resume.resolve("run").toString(),
                        "nothing to resume"));
    }

    private void optionCases() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("options"));
        Path in = Files.copy(goodPng, folder.resolve("in.png"));
        String out = folder.resolve("out").resolve("in.png").toString();
        option(
                "upscale-threads-negative",
                folder,
                List.of(
                        "upscale",
                        in.toString(),
                        "-o",
                        out,
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "-1"),
                "--threads");
        option(
                "upscale-threads-not-a-number",
                folder,
                List.of(
                        "upscale",
                        in.toString(),
                        "-o",
                        out,
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "many"),
                "--threads");
        option(
                "upscale-max-pixels-0",
                folder,
                List.of(
                        "upscale",
                        in.toString(),
                        "-o",
                        out,
                        "--weights",
                        weights.toString(),
                        "--max-pixels",
                        "0"),
                "--max-pixels");
        option(
                "eval-threads-negative",
                folder,
                List.of(
                        "eval",
                        "--weights",
                        weights.toString(),
                        "--threads",
                        "-1",
                        "-o",
                        folder.resolve("eval").toString()),
                "--threads");
        option(
                "compare-threads-negative",
                folder,
                List.of("compare", "--threads", "-1"),
                "--threads");
        Path weightsFolder = Files.createDirectories(folder.resolve("w.safetensors"));
        option(
                "eval-weights-folder",
                folder,
                List.of(
                        "eval",
                        "--weights",
                        weightsFolder.toString(),
                        "-o",
                        folder.resolve("eval").toString()),
                weightsFolder + " is a folder");
        option(
                "info-weights-folder",
                folder,
                List.of("info", "--weights", weightsFolder.toString()),
                weightsFolder + " is a folder");
        option(
                "export-weights-folder",
                folder,
                List.of(
                        "export",
                        "--weights",
                        weightsFolder.toString(),
                        "--onnx",
                        folder.resolve("m.onnx").toString()),
                weightsFolder + " is a folder");
        // Over the pixel limit given on the command line: refused per image, the image named.
        cases.add(
                new Case(
                        "upscale-over-max-pixels",
                        folder,
                        List.of(
                                "upscale",
                                in.toString(),
                                "-o",
                                out,
                                "--weights",
                                weights.toString(),
                                "--threads",
                                "1",
                                "--max-pixels",
                                "100"),
                        Expect.REFUSED,
                        null,
                        ExitCodes.FAILED,
                        in.toString(),
                        "12x10 pixels (120 pixels) exceeds the limit of 100 pixels"));
    }

    // ---------------------------------------------------------------- building cases

    @FunctionalInterface
    interface Maker {
        Path make(Path file) throws IOException;
    }

    @FunctionalInterface
    interface FolderMaker {
        Path make(Path caseFolder) throws IOException;
    }

    private void upscaleImage(String name, Maker maker, String ext, Expect expect, String reason)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("image-" + name));
        Path in = maker.make(folder.resolve("in." + ext));
        Path out = folder.resolve("out").resolve("in.png");
        cases.add(
                new Case(
                        "image-" + name,
                        folder,
                        upscaleArgs(in, out, weights),
                        expect,
                        out,
                        ExitCodes.FAILED,
                        in.toString(),
                        reason));
    }

    private void upscaleWithWeights(
            String name, Maker maker, Expect expect, int code, String reason) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("weights-" + name));
        Path w = maker.make(folder.resolve("w.safetensors"));
        Path in = Files.copy(goodPng, folder.resolve("in.png"));
        Path out = folder.resolve("out").resolve("in.png");
        cases.add(
                new Case(
                        "weights-" + name,
                        folder,
                        upscaleArgs(in, out, w),
                        expect,
                        out,
                        code,
                        w.toString(),
                        reason));
    }

    private static List<String> upscaleArgs(Path in, Path out, Path weights) {
        return List.of(
                "upscale",
                in.toString(),
                "-o",
                out.toString(),
                "--weights",
                weights.toString(),
                "--threads",
                "1");
    }

    private void train(String name, FolderMaker data, List<String> extra, String reason)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("train-" + name));
        Path d = data.make(folder);
        List<String> args = Cli.trainArgs(d, folder.resolve("run"));
        args.addAll(extra);
        cases.add(
                new Case(
                        "train-" + name,
                        folder,
                        args,
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        d.toString(),
                        reason));
    }

    private void trainOption(String name, Path data, List<String> extra, String mention)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("train-" + name));
        List<String> args =
                Cli.trainArgs(data, folder.resolve("run"), extra.toArray(String[]::new));
        cases.add(
                new Case(
                        "train-" + name,
                        folder,
                        args,
                        Expect.REFUSED,
                        null,
                        ExitCodes.USAGE,
                        mention,
                        null));
    }

    private void option(String name, Path folder, List<String> args, String mention) {
        cases.add(
                new Case(name, folder, args, Expect.REFUSED, null, ExitCodes.USAGE, mention, null));
    }

    // ---------------------------------------------------------------- judging a case

    /** "handled", "refused", or what was wrong. */
    private String run(Case c) throws IOException {
        Set<String> before = files(c.folder());
        Cli.Result r;
        try {
            r = Cli.run(c.args().toArray(String[]::new));
        } catch (Throwable t) {
            return "the command threw " + t;
        }
        Set<String> added = files(c.folder());
        added.removeAll(before);
        String err = r.err();
        if (r.code() == ExitCodes.OK) {
            if (c.expect() == Expect.REFUSED) {
                return "expected a refusal, got exit 0; added " + added;
            }
            if (c.output() == null || !Files.isRegularFile(c.output())) {
                return "exit 0 without the output " + c.output();
            }
            DecodedImage result;
            try {
                result = ImageFiles.read(c.output());
            } catch (IOException e) {
                return "exit 0 but the output is unreadable: " + e.getMessage();
            }
            if (result.width() < 1 || result.height() < 1) {
                return "exit 0 with an empty output";
            }
            Path outDir = c.output().getParent();
            Set<String> expected =
                    new TreeSet<>(Set.of(rel(c.folder(), outDir), rel(c.folder(), c.output())));
            if (!added.equals(expected)) {
                return "exit 0 but the files added are " + added + ", expected " + expected;
            }
            return "handled";
        }
        if (c.expect() == Expect.HANDLED) {
            return "expected it handled, got " + summary(r);
        }
        if (r.code() != c.code()) {
            return "refused with exit " + r.code() + " instead of " + c.code() + ": " + summary(r);
        }
        if (!err.contains(c.mention())) {
            return "the refusal does not name " + c.mention() + ": " + summary(r);
        }
        if (c.reason() != null && !err.contains(c.reason())) {
            return "the refusal does not say '" + c.reason() + "': " + summary(r);
        }
        if (err.contains(c.mention() + ": " + c.mention())) {
            return "the refusal repeats the path: " + summary(r);
        }
        if (err.contains("\tat ") || err.contains("Exception in thread")) {
            return "the refusal prints a stack trace: " + summary(r);
        }
        if (!added.isEmpty()) {
            return "the refusal left files behind: " + added;
        }
        LOG.debug(
                "{} refused: {}",
                c.name(),
                err.lines().filter(l -> l.contains(c.mention())).findFirst().orElse(""));
        return "refused";
    }

    private static String summary(Cli.Result r) {
        String err = r.err().strip();
        return "exit "
                + r.code()
                + ", stderr: "
                + (err.length() > 600 ? err.substring(0, 600) + "..." : err);
    }

    /** Every file and folder under {@code folder} (relative), temporary files included. */
    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .map(p -> rel(folder, p))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static String rel(Path folder, Path p) {
        return folder.relativize(p).toString();
    }
}
