package io.srgrn.data.image;

import java.nio.file.Path;

/**
 * An image whose header declares more pixels than the {@link PixelLimit}: refused before any pixel
 * is decoded, so that a forged or enormous file cannot exhaust the heap.
 */
public class ImageTooLargeException extends ImageFormatException {

    private static final long serialVersionUID = 1L;

    private final long width;
    private final long height;
    private final long limit;

    public ImageTooLargeException(Path file, long width, long height, long limit) {
        super(
                file,
                "image of "
                        + width
                        + "x"
                        + height
                        + " pixels ("
                        + PixelLimit.describe(width * height)
                        + ") exceeds the limit of "
                        + PixelLimit.describe(limit)
                        + " ("
                        + limit
                        + "); raise it with -D"
                        + PixelLimit.PROPERTY
                        + "=N or --max-pixels N if this image is meant to be read");
        this.width = width;
        this.height = height;
        this.limit = limit;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    /** The limit that was exceeded, in pixels. */
    public long limit() {
        return limit;
    }
}
