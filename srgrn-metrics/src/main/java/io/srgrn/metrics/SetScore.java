package io.srgrn.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Per-image scores of a set and their means (the number papers print). */
public record SetScore(String name, List<ImageScore> images) {

    public SetScore {
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("set '" + name + "' has no scored images");
        }
    }

    public double meanPsnr() {
        return mean(ImageScore::psnr);
    }

    public double meanSsim() {
        return mean(ImageScore::ssim);
    }

    /** NaN unless RGB PSNR was requested. */
    public double meanRgbPsnr() {
        return mean(ImageScore::rgbPsnr);
    }

    private double mean(ToDoubleFunction<ImageScore> f) {
        double s = 0;
        for (ImageScore i : images) {
            s += f.applyAsDouble(i);
        }
        return s / images.size();
    }
}
