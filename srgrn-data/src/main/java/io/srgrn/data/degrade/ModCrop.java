package io.srgrn.data.degrade;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;

/**
 * Mod-crop: drop the bottom rows and right columns so that both sides are multiples of the scale.
 */
public final class ModCrop {

    private ModCrop() {}

    public static ByteImage apply(ByteImage image, int scale) {
        int h = cropped(image.height(), scale);
        int w = cropped(image.width(), scale);
        return h == image.height() && w == image.width() ? image : image.crop(0, 0, h, w);
    }

    public static PlanarImage apply(PlanarImage image, int scale) {
        int h = cropped(image.height(), scale);
        int w = cropped(image.width(), scale);
        return h == image.height() && w == image.width() ? image : image.crop(0, 0, h, w);
    }

    /** {@code n - n % scale}, rejecting a side shorter than the scale. */
    public static int cropped(int n, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        int m = n - n % scale;
        if (m == 0) {
            throw new IllegalArgumentException(
                    "a side of " + n + " pixels is shorter than the scale " + scale);
        }
        return m;
    }
}
