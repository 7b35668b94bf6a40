package io.srgrn.metrics;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import java.util.Objects;

/**
 * Scores an SR image against its HR original under one set of {@link EvaluationOptions}. Both
 * images are quantised to 8 bits first (float images with round half up), must have the same shape
 * (mod-crop the HR to the scale beforehand), and {@code scale} pixels are shaved from every border.
 */
public final class Evaluator {

    private final EvaluationOptions options;

    public Evaluator(EvaluationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public EvaluationOptions options() {
        return options;
    }

    /** Scores float images in [0, 1] (quantised to 8 bits first). */
    public ImageScore score(String name, PlanarImage hr, PlanarImage sr, int scale) {
        return score(name, ByteImage.quantize(hr), ByteImage.quantize(sr), scale);
    }

    /**
     * Scores 8-bit images. A grey HR image against an RGB SR image (a model run on the replicated
     * grey image) is replicated under {@link GreyMode#REPLICATE}; under single-channel grey scoring
     * that pair is rejected, since the SR image then has no grey value of its own.
     */
    public ImageScore score(String name, ByteImage hr, ByteImage sr, int scale) {
        if (hr.channels() == 1 && sr.channels() == 3) {
            if (options.scoresGreyAsSingle()) {
                throw new IllegalArgumentException(
                        "cannot score '"
                                + name
                                + "' under "
                                + options.label()
                                + ": the HR image is grey but the SR image is RGB; convert the SR image to grey or score with grey=REPLICATE");
            }
            hr = hr.replicate(3);
        }
        if (hr.channels() != sr.channels()
                || hr.height() != sr.height()
                || hr.width() != sr.width()) {
            throw new IllegalArgumentException(
                    "cannot score '"
                            + name
                            + "': HR is "
                            + Planes.shape(hr)
                            + " but SR is "
                            + Planes.shape(sr)
                            + (hr.channels() == sr.channels()
                                    ? "; mod-crop the HR to a multiple of the scale and check the model's scale"
                                    : ""));
        }
        if (hr.channels() != 1 && hr.channels() != 3) {
            throw new IllegalArgumentException(
                    "cannot score '"
                            + name
                            + "': images must be grey or RGB, got "
                            + hr.channels()
                            + " channels");
        }
        if (scale < 0) {
            throw new IllegalArgumentException("scale (border shave) must be >= 0, got " + scale);
        }
        double[] yHr = luma(hr);
        double[] ySr = luma(sr);
        ImageScore y = scoreY(name, yHr, ySr, hr.height(), hr.width(), scale);
        double rgb = options.rgbPsnr() ? Psnr.rgb(hr, sr, scale) : Double.NaN;
        return new ImageScore(name, y.psnr(), y.ssim(), rgb);
    }

    /** Scores two luma planes (0..255) directly, e.g. a Y-only Bicubic baseline. */
    public static ImageScore scoreY(
            String name, double[] yHr, double[] ySr, int height, int width, int shave) {
        double psnr = Psnr.of(yHr, ySr, height, width, shave, 255);
        double ssim = Ssim.of(yHr, ySr, height, width, shave);
        return new ImageScore(name, psnr, ssim, Double.NaN);
    }

    /** The Y plane of an 8-bit image under these options. */
    public double[] luma(ByteImage image) {
        if (image.channels() == 1 && options.scoresGreyAsSingle()) {
            return YChannel.grey(image);
        }
        return switch (options.protocol()) {
            case RDN -> YChannel.unrounded(image);
            case RDN_Y8, Y_ONLY -> YChannel.rounded(image);
        };
    }
}
