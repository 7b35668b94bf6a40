package io.srgrn.data.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The file formats {@link ImageFiles} writes, chosen by file extension. */
public enum ImageFormat {
    PNG("png", true, true, List.of("png")),
    JPEG("jpeg", false, false, List.of("jpg", "jpeg")),
    BMP("bmp", false, false, List.of("bmp")),
    TIFF("tiff", true, true, List.of("tif", "tiff"));

    private final String imageIoName;
    private final boolean alpha;
    private final boolean sixteenBit;
    private final List<String> extensions;

    ImageFormat(String imageIoName, boolean alpha, boolean sixteenBit, List<String> extensions) {
        this.imageIoName = imageIoName;
        this.alpha = alpha;
        this.sixteenBit = sixteenBit;
        this.extensions = extensions;
    }

    /** The format name ImageIO's writer registry knows. */
    public String imageIoName() {
        return imageIoName;
    }

    public boolean supportsAlpha() {
        return alpha;
    }

    public boolean supports16Bit() {
        return sixteenBit;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format for a file's extension (case-insensitive), or an exception naming the file. */
    public static ImageFormat of(Path file) throws ImageFormatException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.extensions.contains(ext)) {
                return f;
            }
        }
        throw new ImageFormatException(
                file,
                "unsupported image file extension '"
                        + ext
                        + "' (supported: png, jpg, jpeg, bmp, tif, tiff)");
    }

    /** Whether the file name has one of the supported extensions. */
    public static boolean isImageFile(Path file) {
        try {
            of(file);
            return true;
        } catch (ImageFormatException e) {
            return false;
        }
    }
}
