package io.srgrn.bench.cli;

import io.srgrn.data.image.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which file goes where for {@code srgrn upscale}, worked out and checked before any model is
 * loaded: inputs exist, outputs do not collide, and nothing is overwritten without {@code --force}.
 *
 * <p>An output path that is not an existing folder and whose name has an extension names one file;
 * that extension must be an image format this writes (else a usage error, before anything is
 * created). Otherwise the output is a folder: an input file keeps its name; the images in an input
 * folder (searched recursively, leaving out the output folder when it lies inside) keep their path
 * relative to it. {@code format} (e.g. {@code png}) replaces the extension of folder outputs.
 */
record UpscalePlan(List<Job> jobs) {

    record Job(Path input, Path output) {}

    static UpscalePlan of(List<Path> inputs, Path out, String format, boolean force) {
        if (inputs.isEmpty()) {
            throw new UsageException("no input: give image files or folders");
        }
        List<String> missing = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                missing.add(in.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("input not found: " + String.join(", ", missing));
        }
        if (format != null && !ImageFormat.isImageFile(Path.of("x." + format))) {
            throw new UsageException(
                    "unknown --format '" + format + "'; allowed: png, jpg, jpeg, bmp, tif, tiff");
        }
        boolean singleFile = inputs.size() == 1 && Files.isRegularFile(inputs.get(0));
        boolean outIsFile = !Files.isDirectory(out) && hasExtension(out);
        if (outIsFile && !ImageFormat.isImageFile(out)) {
            throw new UsageException("-o " + out + ": " + unsupportedFormat(out));
        }
        List<Job> jobs = new ArrayList<>();
        if (outIsFile) {
            if (!singleFile) {
                throw new UsageException(
                        "-o "
                                + out
                                + " names one image file, but the input is "
                                + (inputs.size() > 1 ? inputs.size() + " paths" : "a folder")
                                + "; give a folder as -o");
            }
            if (format != null) {
                throw new UsageException(
                        "--format applies to output folders; -o "
                                + out
                                + " already names the format");
            }
            jobs.add(new Job(inputs.get(0), out));
        } else {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UsageException(
                        "-o " + out + " exists and is not a folder (and has no image extension)");
            }
            for (Path in : inputs) {
                if (Files.isDirectory(in)) {
                    for (Path img : imagesUnder(in, out)) {
                        jobs.add(
                                new Job(
                                        img,
                                        withFormat(
                                                out.resolve(in.relativize(img).toString()),
                                                format)));
                    }
                } else {
                    jobs.add(
                            new Job(
                                    in,
                                    withFormat(out.resolve(in.getFileName().toString()), format)));
                }
            }
            if (jobs.isEmpty()) {
                throw new UsageException(
                        "no image files (png, jpg, jpeg, bmp, tif, tiff) in " + inputs);
            }
        }
        for (Job j : jobs) {
            if (!ImageFormat.isImageFile(j.output())) {
                throw new UsageException(
                        j.input()
                                + " would be written as "
                                + j.output()
                                + ": "
                                + unsupportedFormat(j.output())
                                + "; choose one with --format");
            }
        }
        checkCollisions(jobs);
        if (!force) {
            checkOverwrites(jobs);
        }
        return new UpscalePlan(List.copyOf(jobs));
    }

    private static boolean hasExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.lastIndexOf('.') > 0;
    }

    private static String unsupportedFormat(Path file) {
        try {
            ImageFormat.of(file);
            return "a supported format";
        } catch (io.srgrn.data.image.ImageFormatException e) {
            return e.reason();
        }
    }

    /**
     * The images under {@code dir}, except those in {@code out} (earlier outputs are not inputs).
     */
    private static List<Path> imagesUnder(Path dir, Path out) {
        Path outTree = out.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(ImageFormat::isImageFile)
                    .filter(p -> !p.toAbsolutePath().normalize().startsWith(outTree))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path withFormat(Path file, String format) {
        if (format == null) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return file.resolveSibling(stem + "." + format.toLowerCase(Locale.ROOT));
    }

    private static void checkCollisions(List<Job> jobs) {
        Map<Path, Path> seen = new HashMap<>();
        for (Job j : jobs) {
            Path key = j.output().toAbsolutePath().normalize();
            Path previous = seen.putIfAbsent(key, j.input());
            if (previous != null) {
                throw new UsageException(
                        "inputs "
                                + previous
                                + " and "
                                + j.input()
                                + " would both be written to "
                                + j.output()
                                + "; upscale them in separate runs or pass their folder");
            }
        }
    }

    private static void checkOverwrites(List<Job> jobs) {
        List<String> existing =
                jobs.stream().map(Job::output).filter(Files::exists).map(Path::toString).toList();
        if (!existing.isEmpty()) {
            String shown =
                    String.join(", ", existing.subList(0, Math.min(5, existing.size())))
                            + (existing.size() > 5
                                    ? " and " + (existing.size() - 5) + " more"
                                    : "");
            throw new UsageException(
                    "refusing to overwrite "
                            + existing.size()
                            + " existing file(s): "
                            + shown
                            + " (pass --force to overwrite)");
        }
    }
}
