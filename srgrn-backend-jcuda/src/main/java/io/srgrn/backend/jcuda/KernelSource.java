package io.srgrn.backend.jcuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a kernel source from the class path ({@code io/srgrn/backend/jcuda/kernels/NAME.cu}) and
 * fills in its placeholders ({@code ${T}}, {@code ${BLOCK}}). Kernels are resources, not Java
 * strings, so that they read as CUDA and NVRTC's line numbers point into the files; a placeholder
 * left unfilled is an error here rather than a compile error on a GPU machine.
 */
final class KernelSource {
    static final String RESOURCE_FOLDER = "io/srgrn/backend/jcuda/kernels/";

    /** Threads per block of every launch; a power of two (reduce.cu's tree needs it). */
    static final int BLOCK = 256;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private KernelSource() {}

    /**
     * The float32 values of the placeholders: the only element type this backend runs (SPEC:
     * float32).
     */
    static Map<String, String> float32() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("T", "float");
        values.put("BLOCK", Integer.toString(BLOCK));
        return values;
    }

    /** The raw text of {@code kernels/<file>.cu}. */
    static String raw(String file) {
        String resource = RESOURCE_FOLDER + file + ".cu";
        try (InputStream in = KernelSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "kernel source " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + resource, e);
        }
    }

    /** The source of {@code file} with every placeholder replaced from {@code values}. */
    static String generate(String file, Map<String, String> values) {
        return fill(raw(file), values, file);
    }

    /**
     * Replaces every {@code ${NAME}}; fails naming the first placeholder that has no value, so a
     * new placeholder cannot slip into a kernel unnoticed.
     */
    static String fill(String text, Map<String, String> values, String what) {
        Objects.requireNonNull(values, "values");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        "kernel source "
                                + what
                                + " has placeholder ${"
                                + m.group(1)
                                + "} without a value; known: "
                                + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
