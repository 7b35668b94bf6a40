package io.srgrn.data.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The most pixels (width x height) an image file may declare before {@link ImageFiles} decodes it.
 *
 * <p>Why: a decoder allocates the whole raster from the header's size before it reads a pixel, so a
 * 200-byte PNG that declares 20000x20000 pixels made the reader allocate gigabytes and fail with a
 * bare "Java heap space" (issue 11). The size is read from the header alone (PNG's IHDR, JPEG's
 * frame header, ...) and checked against this limit first.
 *
 * <p>The default, {@value #DEFAULT} pixels (100 megapixels), is above any camera's sensor (medium
 * format tops out near 100 MP) yet still decodes in a default JVM heap: reading costs up to about
 * 24 bytes a pixel (the decoder's raster, 16-bit RGBA, plus the float planes), 2.4 GB at the limit.
 * Change it with the system property {@value #PROPERTY} (or {@code srgrn upscale --max-pixels}).
 *
 * @param maxPixels the largest accepted width x height, at least 1
 */
public record PixelLimit(long maxPixels) {
    /** System property holding the limit for readers that are not given one. */
    public static final String PROPERTY = "srgrn.image.maxPixels";

    /** 100 megapixels. */
    public static final long DEFAULT = 100_000_000L;

    public PixelLimit {
        if (maxPixels < 1) {
            throw new IllegalArgumentException(
                    "the pixel limit must be at least 1, got " + maxPixels);
        }
    }

    /** The limit set with {@value #PROPERTY}, else {@link #DEFAULT}; read at each call. */
    public static PixelLimit configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return new PixelLimit(DEFAULT);
        }
        try {
            return new PixelLimit(Long.parseLong(value.trim().replace("_", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "system property "
                            + PROPERTY
                            + "="
                            + value
                            + " is not a pixel count of at least 1",
                    e);
        }
    }

    /**
     * Refuses an image whose declared size exceeds the limit (or is not positive), naming the file,
     * the size and the limit.
     */
    public void check(Path file, long width, long height) throws ImageFormatException {
        if (width < 1 || height < 1) {
            throw new ImageFormatException(
                    file,
                    "the header declares an empty image of " + width + "x" + height + " pixels");
        }
        long pixels = width * height; // both < 2^31: no overflow
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(file, width, height, maxPixels);
        }
    }

    /** A pixel count for people: exact below a million, else in megapixels. */
    static String describe(long pixels) {
        return pixels < 1_000_000
                ? pixels + " pixels"
                : String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6);
    }
}
