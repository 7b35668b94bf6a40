package io.srgrn.data.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not a readable image (corrupt, truncated, unsupported) or cannot be written as
 * asked.
 */
public class ImageFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public ImageFormatException(Path file, String reason) {
        this(file, reason, null);
    }

    public ImageFormatException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** What is wrong, without the file name. */
    public String reason() {
        return reason;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}
