package io.srgrn.metrics;

import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.degrade.ModCrop;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.resize.MatlabBicubic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The "Bicubic" row of SR tables: degrade the HR image, upscale the LR image back with MATLAB
 * bicubic, score. Under {@link EvaluationProtocol#RDN} and {@link EvaluationProtocol#RDN_Y8} the LR
 * and SR images are 8-bit (RDN's scripts); under {@link EvaluationProtocol#Y_ONLY} the Y plane
 * alone is degraded and upscaled in double (SRCNN/VDSR), BI only.
 */
public final class BicubicBaseline {

    private final EvaluationOptions options;
    private final Evaluator evaluator;

    public BicubicBaseline(EvaluationOptions options) {
        this.options = options;
        this.evaluator = new Evaluator(options);
    }

    /** Scores the Bicubic baseline of one HR image (8-bit, grey or RGB, not yet mod-cropped). */
    public ImageScore score(String name, ByteImage hr, Degradation degradation) {
        int s = degradation.scale();
        if (options.protocol() == EvaluationProtocol.Y_ONLY) {
            if (!(degradation instanceof Degradation.BI)) {
                throw new IllegalArgumentException(
                        "the y-only protocol is defined for BI only, not " + degradation.key());
            }
            return scoreYOnly(name, hr, s);
        }
        ByteImage source =
                hr.channels() == 1 && !options.scoresGreyAsSingle() ? hr.replicate(3) : hr;
        ByteImage target = degradation.hrFor(source);
        ByteImage lr = degradation.forImage(name).apply(source);
        ByteImage sr = MatlabBicubic.upscale(lr, s);
        return evaluator.score(name, target, sr, s);
    }

    /** Scores every image of a set (name to HR image, in the map's iteration order). */
    public SetScore scoreSet(
            String setName, Map<String, ByteImage> hrImages, Degradation degradation) {
        List<ImageScore> scores = new ArrayList<>();
        for (Map.Entry<String, ByteImage> e : hrImages.entrySet()) {
            scores.add(score(e.getKey(), e.getValue(), degradation));
        }
        return new SetScore(setName, scores);
    }

    private ImageScore scoreYOnly(String name, ByteImage hr, int s) {
        ByteImage yImage =
                hr.channels() == 1
                        ? hr
                        : toByteImage(YChannel.rounded(hr), hr.height(), hr.width());
        ByteImage y = ModCrop.apply(yImage, s);
        int h = y.height();
        int w = y.width();
        double[] hrY = YChannel.grey(y);
        double[] unit = new double[hrY.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = hrY[i] / 255;
        }
        double[] down = MatlabBicubic.resize(unit, h, w, 1.0 / s);
        double[] up =
                MatlabBicubic.resize(
                        down,
                        MatlabBicubic.outputLength(h, 1.0 / s),
                        MatlabBicubic.outputLength(w, 1.0 / s),
                        s);
        double[] srY = new double[up.length];
        for (int i = 0; i < up.length; i++) {
            double v = up[i] * 255;
            srY[i] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
        }
        ImageScore y8 = Evaluator.scoreY(name, hrY, srY, h, w, s);
        return new ImageScore(name, y8.psnr(), y8.ssim(), Double.NaN);
    }

    private static ByteImage toByteImage(double[] plane, int h, int w) {
        byte[] out = new byte[plane.length];
        for (int i = 0; i < plane.length; i++) {
            out[i] = (byte) (int) plane[i];
        }
        return new ByteImage(1, h, w, out);
    }
}
