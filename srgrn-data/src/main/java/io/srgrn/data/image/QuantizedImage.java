package io.srgrn.data.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * An 8- or 16-bit image ready for ImageIO, filled rectangle by rectangle from float samples in [0,
 * 1] (quantised round half up, clamped). Filling it tile by tile is how an output too large for its
 * float copy is written: an 8-bit RGB image takes 3 bytes a pixel, its float planes 12.
 */
public final class QuantizedImage {
    private final BufferedImage image;
    private final int colors;
    private final boolean alpha;
    private final int max;

    /**
     * @param colors 1 (grey) or 3 (RGB)
     * @param alpha whether the image has an alpha channel, filled with {@link #putAlpha}
     * @param bitDepth 8 or 16
     */
    public QuantizedImage(int height, int width, int colors, boolean alpha, int bitDepth) {
        if (colors != 1 && colors != 3) {
            throw new IllegalArgumentException(
                    "colour planes must be 1 (grey) or 3 (RGB), got " + colors);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, got " + bitDepth);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("empty image " + width + "x" + height);
        }
        this.image = allocate(height, width, colors, alpha, bitDepth);
        this.colors = colors;
        this.alpha = alpha;
        this.max = bitDepth == 16 ? 65535 : 255;
    }

    /** The image's colour and alpha quantised in one go. */
    public static QuantizedImage of(DecodedImage image) {
        QuantizedImage out =
                new QuantizedImage(
                        image.height(),
                        image.width(),
                        image.color().channels(),
                        image.hasAlpha(),
                        image.bitDepth());
        out.putColor(0, 0, image.color());
        if (image.hasAlpha()) {
            out.putAlpha(0, 0, image.alpha());
        }
        return out;
    }

    /** The filled image (not a copy); parts never put are 0. */
    public BufferedImage image() {
        return image;
    }

    public int height() {
        return image.getHeight();
    }

    public int width() {
        return image.getWidth();
    }

    /**
     * Writes {@code tile}'s colour planes (as many as this image has) with its top left at (y0,
     * x0).
     */
    public void putColor(int y0, int x0, PlanarImage tile) {
        if (tile.channels() != colors) {
            throw new IllegalArgumentException(
                    "this image has " + colors + " colour plane(s), the tile " + tile.channels());
        }
        for (int c = 0; c < colors; c++) {
            put(y0, x0, tile, c, c);
        }
    }

    /**
     * Writes the one plane of {@code tile} into the alpha channel with its top left at (y0, x0).
     */
    public void putAlpha(int y0, int x0, PlanarImage tile) {
        if (!alpha) {
            throw new IllegalStateException("this image has no alpha channel");
        }
        if (tile.channels() != 1) {
            throw new IllegalArgumentException(
                    "alpha is one plane, the tile has " + tile.channels());
        }
        put(y0, x0, tile, 0, colors);
    }

    private void put(int y0, int x0, PlanarImage tile, int plane, int band) {
        int h = tile.height();
        int w = tile.width();
        if (y0 < 0 || x0 < 0 || y0 + h > height() || x0 + w > width()) {
            throw new IllegalArgumentException(
                    "a "
                            + w
                            + "x"
                            + h
                            + " tile at ("
                            + x0
                            + ", "
                            + y0
                            + ") does not fit a "
                            + width()
                            + "x"
                            + height()
                            + " image");
        }
        WritableRaster raster = image.getRaster();
        float[] data = tile.data();
        int[] row = new int[w]; // a row at a time: no image-sized int copy
        for (int y = 0; y < h; y++) {
            int offset = plane * tile.planeSize() + y * w;
            for (int x = 0; x < w; x++) {
                row[x] = quantize(data[offset + x]);
            }
            raster.setSamples(x0, y0 + y, w, 1, band, row);
        }
    }

    private int quantize(float v) {
        return !(v > 0) ? 0 : v >= 1 ? max : (int) Math.floor(v * (double) max + 0.5);
    }

    private static BufferedImage allocate(int h, int w, int colors, boolean alpha, int bitDepth) {
        if (bitDepth == 8 && !alpha && colors == 1) {
            return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        } else if (bitDepth == 8 && !alpha) {
            return new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        } else if (bitDepth == 8 && colors == 3) {
            return new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
        } else if (bitDepth == 16 && !alpha && colors == 1) {
            return new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        }
        int dataType = bitDepth == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE;
        ColorSpace cs =
                ColorSpace.getInstance(colors == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ColorModel cm =
                new ComponentColorModel(
                        cs,
                        alpha,
                        false,
                        alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                        dataType);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }
}
