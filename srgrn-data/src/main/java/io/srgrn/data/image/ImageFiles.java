package io.srgrn.data.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes images through the JDK's ImageIO (PNG, JPEG, BMP, TIFF) and converts between
 * {@link BufferedImage} and {@link DecodedImage}.
 *
 * <p>Samples are taken from the raster as stored, never through {@code getRGB}: for grey images
 * Java2D's {@code getRGB} applies a linear-to-sRGB conversion that would change every value.
 */
public final class ImageFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFiles.class);

    /** JPEG quality for written files; ImageIO's default (0.75) visibly damages SR outputs. */
    private static final float JPEG_QUALITY = 0.95f;

    private ImageFiles() {}

    /**
     * Decodes an image file. Corrupt, truncated or unsupported files raise an {@link
     * ImageFormatException} naming the file and the reason; decoder warnings (which is how the JPEG
     * decoder reports truncated data) are treated as errors. An image larger than {@link
     * PixelLimit#configured()} is refused from its header, before decoding.
     */
    public static DecodedImage read(Path file) throws IOException {
        return read(file, PixelLimit.configured());
    }

    /**
     * As {@link #read(Path)}, with an explicit pixel limit: the size the header declares is checked
     * before a single pixel is decoded (an {@link ImageTooLargeException} when it exceeds the
     * limit).
     */
    public static DecodedImage read(Path file, PixelLimit limit) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "not an existing regular file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return decode(in, file, limit);
        }
    }

    /**
     * Decodes an image held in memory (a file's bytes, as a distributed job reads them), exactly as
     * {@link #read(Path)} decodes the file: the same decoders, the same errors. {@code name} only
     * names the image in error messages.
     */
    public static DecodedImage decode(byte[] bytes, Path name) throws IOException {
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return decode(in, name, PixelLimit.configured());
        }
    }

    private static DecodedImage decode(ImageInputStream in, Path file, PixelLimit limit)
            throws IOException {
        if (in == null) {
            throw new ImageFormatException(file, "cannot be opened for reading");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageFormatException(
                    file, "not a recognised image format (readable: PNG, JPEG, BMP, TIFF, GIF)");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            // The header alone: decoders allocate the whole raster from it before reading pixels.
            limit.check(file, reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new ImageFormatException(
                        file,
                        reader.getFormatName()
                                + " decoder reported corrupt data: "
                                + String.join("; ", warnings));
            }
            return fromBufferedImage(image);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal damaged data with IIOException, EOFException or unchecked exceptions.
            throw new ImageFormatException(
                    file,
                    "corrupt, truncated or unsupported "
                            + formatName(reader)
                            + " data: "
                            + describe(e),
                    e);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Writes an image atomically in the format given by the file extension. A 16-bit image is
     * written at 16 bits where the format allows it (PNG, TIFF), otherwise at 8. Alpha is written
     * where the format has it; asking for alpha in JPEG or BMP is an error rather than a silent
     * loss.
     */
    public static void write(Path file, DecodedImage image) throws IOException {
        writeAtomically(encoder(file, image));
    }

    private static void writeAtomically(Encoder encoder) throws IOException {
        try {
            AtomicWrite.write(encoder.file(), encoder::writeTo);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw encoder.failure(e);
        }
    }

    /**
     * The bytes {@link #write(Path, DecodedImage)} would write to {@code file} (whose extension
     * picks the format), for callers that store them elsewhere: the same encoder and settings, so
     * the same bytes.
     */
    public static byte[] encode(Path file, DecodedImage image) throws IOException {
        Encoder encoder = encoder(file, image);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            encoder.writeTo(out);
        } catch (IOException | RuntimeException e) {
            throw encoder.failure(e);
        }
        return out.toByteArray();
    }

    /** One image ready to be written in one format: checked, converted, its writer chosen. */
    private record Encoder(Path file, ImageFormat format, String layout, BufferedImage buffered) {
        void writeTo(java.io.OutputStream out) throws IOException {
            Iterator<ImageWriter> writers =
                    ImageIO.getImageWriters(
                            ImageTypeSpecifier.createFromRenderedImage(buffered),
                            format.imageIoName());
            if (!writers.hasNext()) {
                throw new ImageFormatException(
                        file,
                        "no ImageIO writer for " + format + " accepts a " + layout + " image");
            }
            ImageWriter writer = writers.next();
            try {
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (format == ImageFormat.JPEG) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                }
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(buffered, null, null), param);
                    ios.flush();
                }
            } finally {
                writer.dispose();
            }
        }

        ImageFormatException failure(Exception e) {
            return e instanceof ImageFormatException ife
                    ? ife
                    : new ImageFormatException(
                            file,
                            "cannot write " + layout + " image as " + format + ": " + describe(e),
                            e);
        }
    }

    private static Encoder encoder(Path file, DecodedImage image) throws ImageFormatException {
        ImageFormat format = requireWritable(file, image.hasAlpha());
        DecodedImage toWrite = image;
        if (image.bitDepth() == 16 && !format.supports16Bit()) {
            LOG.debug(
                    "{}: {} holds 8 bits per sample, writing the 16-bit image at 8 bits",
                    file,
                    format);
            toWrite = image.withBitDepth(8);
        }
        return new Encoder(file, format, describeLayout(toWrite), toBufferedImage(toWrite));
    }

    /**
     * Writes an 8- or 16-bit image made for {@code file} (e.g. a {@link QuantizedImage} filled tile
     * by tile, at {@link #bitDepthFor}), atomically, as {@link #write(Path, DecodedImage)} writes.
     */
    public static void write(Path file, BufferedImage image) throws IOException {
        ImageFormat format = requireWritable(file, image.getColorModel().hasAlpha());
        ColorModel cm = image.getColorModel();
        String layout =
                describeLayout(cm.getComponentSize(0), cm.getNumColorComponents(), cm.hasAlpha());
        writeAtomically(new Encoder(file, format, layout, image));
    }

    /**
     * The format of {@code file}, checked before anything is computed for it: an image with alpha
     * needs a format that stores alpha (a clear error rather than a silent loss).
     */
    public static ImageFormat requireWritable(Path file, boolean alpha)
            throws ImageFormatException {
        ImageFormat format = ImageFormat.of(file);
        if (alpha && !format.supportsAlpha()) {
            throw new ImageFormatException(
                    file,
                    format
                            + " cannot store the alpha channel of this image; write PNG or TIFF to keep it");
        }
        return format;
    }

    /**
     * The bit depth {@code file}'s format stores an image of {@code bitDepth} at (16 only in PNG
     * and TIFF).
     */
    public static int bitDepthFor(Path file, int bitDepth) throws ImageFormatException {
        return bitDepth == 16 && ImageFormat.of(file).supports16Bit() ? 16 : 8;
    }

    /**
     * Converts a decoded {@link BufferedImage}: grey or RGB colour (from component, indexed or
     * packed colour models), optional alpha, 1 to 16 bits per sample. A palette whose entries are
     * all grey gives a grey image. Other colour spaces (CMYK, float samples) are rejected.
     */
    public static DecodedImage fromBufferedImage(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            return fromIndexed(image, icm);
        }
        if (cm instanceof ComponentColorModel) {
            return fromComponents(image, cm);
        }
        if (cm instanceof DirectColorModel dcm && dcm.getColorSpace().isCS_sRGB()) {
            return fromPacked(image, dcm);
        }
        throw new IllegalArgumentException(
                "unsupported colour model "
                        + cm.getClass().getSimpleName()
                        + " with "
                        + cm.getNumComponents()
                        + " components in colour space type "
                        + cm.getColorSpace().getType());
    }

    /**
     * An 8- or 16-bit {@link BufferedImage} holding the image's colour and alpha (quantised, round
     * half up).
     */
    public static BufferedImage toBufferedImage(DecodedImage image) {
        return QuantizedImage.of(image).image();
    }

    private static DecodedImage fromComponents(BufferedImage image, ColorModel cm) {
        int csType = cm.getColorSpace().getType();
        int colors = cm.getNumColorComponents();
        if (!((csType == ColorSpace.TYPE_GRAY && colors == 1)
                || (csType == ColorSpace.TYPE_RGB && colors == 3))) {
            throw new IllegalArgumentException(
                    "unsupported colour space (type "
                            + csType
                            + ", "
                            + colors
                            + " colour components): only grey and RGB images are supported");
        }
        int transfer = cm.getTransferType();
        if (transfer != DataBuffer.TYPE_BYTE && transfer != DataBuffer.TYPE_USHORT) {
            throw new IllegalArgumentException(
                    "unsupported sample type "
                            + transfer
                            + " (only 8- and 16-bit integer samples)");
        }
        if (cm.isAlphaPremultiplied()) {
            // Copy before un-premultiplying: coerceData changes the image in place.
            BufferedImage copy = new BufferedImage(cm, image.copyData(null), true, null);
            copy.coerceData(false);
            image = copy;
            cm = copy.getColorModel();
        }
        int bits = 0;
        for (int i = 0; i < cm.getNumComponents(); i++) {
            bits = Math.max(bits, cm.getComponentSize(i));
        }
        if (bits > 16) {
            throw new IllegalArgumentException("unsupported sample size of " + bits + " bits");
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        PlanarImage color = PlanarImage.zeros(colors, h, w);
        int[] samples = new int[w * h];
        for (int c = 0; c < colors; c++) {
            readPlane(raster, c, cm.getComponentSize(c), samples, color.data(), c * w * h);
        }
        PlanarImage alpha = null;
        if (cm.hasAlpha()) {
            alpha = PlanarImage.zeros(1, h, w);
            readPlane(raster, colors, cm.getComponentSize(colors), samples, alpha.data(), 0);
        }
        return new DecodedImage(color, alpha, bits > 8 ? 16 : 8);
    }

    private static void readPlane(
            Raster raster, int band, int bits, int[] samples, float[] out, int offset) {
        raster.getSamples(
                raster.getMinX(),
                raster.getMinY(),
                raster.getWidth(),
                raster.getHeight(),
                band,
                samples);
        float max = (1 << bits) - 1;
        for (int i = 0; i < samples.length; i++) {
            out[offset + i] = samples[i] / max;
        }
    }

    private static DecodedImage fromIndexed(BufferedImage image, IndexColorModel icm) {
        int size = icm.getMapSize();
        boolean grey = true;
        boolean alpha = icm.getTransparency() != Transparency.OPAQUE;
        for (int i = 0; i < size && grey; i++) {
            grey = icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int colors = grey ? 1 : 3;
        PlanarImage color = PlanarImage.zeros(colors, h, w);
        PlanarImage alphaPlane = alpha ? PlanarImage.zeros(1, h, w) : null;
        Raster raster = image.getRaster();
        int[] idx = new int[w * h];
        raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, 0, idx);
        float[] c = color.data();
        int plane = w * h;
        for (int i = 0; i < plane; i++) {
            int k = idx[i];
            if (grey) {
                c[i] = icm.getRed(k) / 255f;
            } else {
                c[i] = icm.getRed(k) / 255f;
                c[plane + i] = icm.getGreen(k) / 255f;
                c[2 * plane + i] = icm.getBlue(k) / 255f;
            }
            if (alpha) {
                alphaPlane.data()[i] = icm.getAlpha(k) / 255f;
            }
        }
        return new DecodedImage(color, alphaPlane, 8);
    }

    private static DecodedImage fromPacked(BufferedImage image, DirectColorModel dcm) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = dcm.hasAlpha();
        PlanarImage color = PlanarImage.zeros(3, h, w);
        PlanarImage alphaPlane = alpha ? PlanarImage.zeros(1, h, w) : null;
        int plane = w * h;
        float[] c = color.data();
        // For sRGB packed models getRGB is an exact unpacking (no colour conversion),
        // non-premultiplied.
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < plane; i++) {
            int p = argb[i];
            c[i] = ((p >> 16) & 0xFF) / 255f;
            c[plane + i] = ((p >> 8) & 0xFF) / 255f;
            c[2 * plane + i] = (p & 0xFF) / 255f;
            if (alpha) {
                alphaPlane.data()[i] = ((p >>> 24) & 0xFF) / 255f;
            }
        }
        return new DecodedImage(color, alphaPlane, 8);
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName();
        } catch (IOException e) {
            return reader.getOriginatingProvider() == null
                    ? "image"
                    : reader.getOriginatingProvider().getDescription(null);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    private static String describeLayout(DecodedImage image) {
        return describeLayout(image.bitDepth(), image.color().channels(), image.hasAlpha());
    }

    private static String describeLayout(int bits, int colors, boolean alpha) {
        return bits + "-bit " + (colors == 1 ? "grey" : "RGB") + (alpha ? "+alpha" : "");
    }
}
