package io.srgrn.spark;

import io.srgrn.data.image.ImageFormat;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where each input image's output goes: the same path relative to the input folder (for a glob, the
 * folder before its first wildcard) under the output folder, with the extension replaced when a
 * {@code format} is given (null: the input's own format), exactly as {@code srgrn upscale} lays out
 * a folder. Paths are compared by their path part, so the input may be on any file system Spark
 * reads ({@code file:}, {@code hdfs:}, ...); the output folder is a local path that every executor
 * must see (local mode, or a shared mount on a cluster).
 *
 * @param inputBase the input folder's path part, without a trailing slash
 * @param outputDir the output folder, absolute
 * @param format the output extension, or null for each input's own
 */
record OutputLayout(String inputBase, String outputDir, String format) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The output file for the input at {@code uri} (as Spark's binaryFile source names it), or
     * empty when it is not an image file, lies outside the input folder, or lies inside the output
     * folder (earlier outputs are not inputs).
     */
    Optional<Path> outputFor(String uri) {
        String path = pathPart(uri);
        if (!path.startsWith(inputBase + "/") || !ImageFormat.isImageFile(Path.of(path))) {
            return Optional.empty();
        }
        Path out = Path.of(outputDir);
        if (Path.of(path).normalize().startsWith(out)) {
            return Optional.empty();
        }
        Path target = out.resolve(path.substring(inputBase.length() + 1));
        if (format != null) {
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            target =
                    target.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "." + format);
        }
        return Optional.of(target);
    }

    /**
     * The path of a URI or plain path, decoded ({@code file:/a%20b/x.png} gives {@code /a
     * b/x.png}).
     */
    static String pathPart(String uri) {
        return new org.apache.hadoop.fs.Path(uri).toUri().getPath();
    }
}
