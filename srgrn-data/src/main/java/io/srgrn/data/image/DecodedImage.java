package io.srgrn.data.image;

import java.util.Objects;

/**
 * An image as read from a file: the colour planes (1 = grey, 3 = RGB), the alpha plane kept apart
 * ({@code null} when the file has none) so that it can be carried around the network, and the bit
 * depth of the source samples (8 or 16) so that a 16-bit source can be written back at 16 bits.
 */
public record DecodedImage(PlanarImage color, PlanarImage alpha, int bitDepth) {

    public DecodedImage {
        Objects.requireNonNull(color, "color");
        if (color.channels() != 1 && color.channels() != 3) {
            throw new IllegalArgumentException(
                    "colour planes must be 1 (grey) or 3 (RGB), got " + color.channels());
        }
        if (alpha != null
                && (alpha.channels() != 1
                        || alpha.height() != color.height()
                        || alpha.width() != color.width())) {
            throw new IllegalArgumentException(
                    "alpha must be one plane of "
                            + color.height()
                            + "x"
                            + color.width()
                            + ", got "
                            + alpha.channels()
                            + "x"
                            + alpha.height()
                            + "x"
                            + alpha.width());
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
    }

    /** An 8-bit image without alpha. */
    public static DecodedImage of(PlanarImage color) {
        return new DecodedImage(color, null, 8);
    }

    /** The same planes, to be stored at {@code bits} bits per sample. */
    public DecodedImage withBitDepth(int bits) {
        return new DecodedImage(color, alpha, bits);
    }

    public boolean hasAlpha() {
        return alpha != null;
    }

    public int height() {
        return color.height();
    }

    public int width() {
        return color.width();
    }

    /** The colour planes quantised to 8 bits (exact for an 8-bit source). */
    public ByteImage color8() {
        return ByteImage.quantize(color);
    }
}
