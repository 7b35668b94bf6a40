package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import io.srgrn.data.image.ImageFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One image's bytes in, the upscaled image's bytes out, with the same decoder, model call and
 * encoder as {@code srgrn upscale} (so the bytes equal the file it writes). Whatever goes wrong
 * with this one image (corrupt data, an unsupported layout, a format that cannot hold its alpha,
 * running out of memory on a huge image) becomes the result's error, so one bad image never fails a
 * job of millions.
 */
final class ImageUpscale {
    /** The output-format value meaning "the input file's own format". */
    static final String SAME_AS_INPUT = "input";

    private ImageUpscale() {}

    /**
     * Upscales {@code content}, named {@code name} (a path or URI; its extension gives the format
     * when {@code format} is {@value #SAME_AS_INPUT}), and encodes it as {@code format}.
     */
    static UpscaleResult run(Srgrn model, String name, byte[] content, String format) {
        String shown = name == null ? "image" : name;
        try {
            if (content == null) {
                return UpscaleResult.failed(shown + ": no content");
            }
            Path where = Path.of(shown);
            Path encodedAs = Path.of("out." + extension(where, format));
            ImageFormat.of(encodedAs); // an unwritable format is this row's error, before any work
            DecodedImage in = ImageFiles.decode(content, where);
            DecodedImage out = model.upscale(in, false);
            return UpscaleResult.done(ImageFiles.encode(encodedAs, out), out.width(), out.height());
        } catch (Exception | OutOfMemoryError e) {
            return UpscaleResult.failed(describe(e));
        }
    }

    /**
     * The extension an output gets: {@code format}, or the input's own for {@value #SAME_AS_INPUT}.
     */
    static String extension(Path input, String format) {
        if (!SAME_AS_INPUT.equalsIgnoreCase(format)) {
            return format.toLowerCase(Locale.ROOT);
        }
        String n = input.getFileName() == null ? "" : input.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
