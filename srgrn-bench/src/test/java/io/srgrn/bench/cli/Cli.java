package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.PlanarImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;

/** Runs {@code srgrn} command lines in this JVM and captures what they print. */
final class Cli {
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    static Result run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                SrgrnCommand.commandLine(
                                new PrintWriter(out, true), new PrintWriter(err, true), factory)
                        .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A {@code srgrn train} command line for a tiny run: compact x2 on {@code data} into {@code
     * run}, one iteration of one 8-pixel patch, one thread, no validation. {@code settings} are
     * option and value pairs; each replaces the option's value above or is added (picocli refuses
     * an option given twice).
     */
    static List<String> trainArgs(Path data, Path run, String... settings) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--data",
                                data.toString(),
                                "--scale",
                                "2",
                                "--preset",
                                "compact",
                                "--iterations",
                                "1",
                                "--patch",
                                "8",
                                "--batch",
                                "1",
                                "--threads",
                                "1",
                                "--val-every",
                                "0",
                                "-o",
                                run.toString()));
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in option/value pairs");
        }
        for (int i = 0; i < settings.length; i += 2) {
            int at = args.indexOf(settings[i]);
            if (at >= 0) {
                args.set(at + 1, settings[i + 1]);
            } else {
                args.addAll(List.of(settings[i], settings[i + 1]));
            }
        }
        return args;
    }

    /** A seeded random image file: smooth-ish RGB (or grey) values, optional alpha. */
    static Path image(Path file, int channels, int height, int width, boolean alpha, long seed)
            throws IOException {
        Random r = new Random(seed);
        float[] d = new float[channels * height * width];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round(r.nextFloat() * 255) / 255f;
        }
        PlanarImage a = null;
        if (alpha) {
            float[] ad = new float[height * width];
            for (int i = 0; i < ad.length; i++) {
                ad[i] = (i % 7) / 6f;
            }
            a = new PlanarImage(1, height, width, ad);
        }
        ImageFiles.write(file, new DecodedImage(new PlanarImage(channels, height, width, d), a, 8));
        return file;
    }

    /**
     * Untrained compact weights at a scale, saved through the facade (seeded, so every run makes
     * the same file).
     */
    static Path compactWeights(Path file, int scale) {
        try (Srgrn sr =
                Srgrn.builder().config(SrgrnConfig.compact(scale)).seed(3).threads(1).build()) {
            sr.save(file);
        }
        return file;
    }
}
