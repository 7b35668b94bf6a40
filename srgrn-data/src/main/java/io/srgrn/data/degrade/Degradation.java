package io.srgrn.data.degrade;

import io.srgrn.data.image.ByteImage;

/**
 * A way of making a low-resolution image from a high-resolution one (SPEC section 6). Every
 * degradation mod-crops the HR image to a multiple of its scale first; callers pair the LR result
 * with {@link #hrFor(ByteImage)}. Degradations work per channel on 8-bit images; whether a grey
 * image is replicated to RGB first is the caller's choice (SPEC: the datasets replicate).
 */
public sealed interface Degradation permits Degradation.BI, Degradation.BD, Degradation.DN {

    /** The integer downscaling factor. */
    int scale();

    /** The LR image for an HR image (which is mod-cropped first). */
    ByteImage apply(ByteImage hr);

    /**
     * A short name that identifies the degradation and all its parameters (used in cache keys and
     * reports), e.g. {@code BI_x4}, {@code BD_x3}, {@code DN_x3_s30_seed7}.
     */
    String key();

    /**
     * The degradation to use for one named image. Deterministic degradations return themselves; a
     * noisy one derives a per-image seed so that images of a set get independent noise.
     */
    default Degradation forImage(String imageId) {
        return this;
    }

    /** The HR image that pairs with {@link #apply}'s output: mod-cropped to the scale. */
    default ByteImage hrFor(ByteImage hr) {
        return ModCrop.apply(hr, scale());
    }

    /** BI: MATLAB bicubic downscaling by {@code scale}. */
    static BI bi(int scale) {
        return new BI(scale);
    }

    /** BD as in the paper: 7x7 Gaussian, sigma 1.6, then decimation by 3. */
    static BD bd() {
        return new BD(3, 7, 1.6);
    }

    /** DN as in the paper: BI x3 then Gaussian noise of sigma 30 (0..255 scale), seeded. */
    static DN dn(long seed) {
        return new DN(3, 30.0, seed);
    }

    /**
     * The paper's degradation by name ({@code BI}, {@code BD} or {@code DN}, any case) at {@code
     * scale}. BD and DN are defined at x3 only (the paper's settings, Tables 3 and 4): asked for at
     * another scale they are refused here, once for every caller.
     *
     * @throws IllegalArgumentException for an unknown name or BD/DN at a scale other than 3
     */
    static Degradation named(String name, int scale, long noiseSeed) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (n) {
            case "BI" -> bi(scale);
            case "BD", "DN" -> {
                if (scale != 3) {
                    throw new IllegalArgumentException(
                            "degradation "
                                    + n
                                    + " is defined for x3 only (the paper's "
                                    + n
                                    + " setting), not x"
                                    + scale);
                }
                yield n.equals("BD") ? bd() : dn(noiseSeed);
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown degradation '" + name + "'; allowed: BI, BD, DN");
        };
    }

    /**
     * Parses a key such as {@code BI_x2}, {@code BD_x3} or {@code DN_x3} (the seed given
     * separately).
     */
    static Degradation parse(String name, long seed) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        String[] parts = n.split("_X", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "degradation '" + name + "' is not of the form BI_x2, BD_x3 or DN_x3");
        }
        int s;
        try {
            s = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "degradation '" + name + "' has no integer scale", e);
        }
        return switch (parts[0]) {
            case "BI" -> new BI(s);
            case "BD" -> new BD(s, 7, 1.6);
            case "DN" -> new DN(s, 30.0, seed);
            default ->
                    throw new IllegalArgumentException(
                            "unknown degradation '"
                                    + parts[0]
                                    + "' in '"
                                    + name
                                    + "' (expected BI, BD or DN)");
        };
    }

    /** BI: {@code imresize(HR, 1/scale, 'bicubic')} on 8-bit data. */
    record BI(int scale) implements Degradation {
        public BI {
            checkScale(scale);
        }

        @Override
        public ByteImage apply(ByteImage hr) {
            return io.srgrn.data.resize.MatlabBicubic.downscale(hrFor(hr), scale);
        }

        @Override
        public String key() {
            return "BI_x" + scale;
        }
    }

    /**
     * BD: Gaussian blur ({@code fspecial('gaussian', kernelSize, sigma)}, replicated borders,
     * rounded to 8 bits) then plain decimation {@code LR[i][j] = blurred[s*i + s/2][s*j + s/2]}
     * (MATLAB's {@code imresize(.., 1/s, 'nearest')}; {@code 3i+1} for s = 3).
     */
    record BD(int scale, int kernelSize, double sigma) implements Degradation {
        public BD {
            checkScale(scale);
            if (kernelSize < 1 || kernelSize % 2 == 0) {
                throw new IllegalArgumentException(
                        "BD kernel size must be odd and positive, got " + kernelSize);
            }
            if (!(sigma > 0)) {
                throw new IllegalArgumentException("BD sigma must be positive, got " + sigma);
            }
        }

        @Override
        public ByteImage apply(ByteImage hr) {
            ByteImage blurred =
                    GaussianBlur.blur(hrFor(hr), GaussianBlur.kernel(kernelSize, sigma));
            return Decimate.nearest(blurred, scale);
        }

        @Override
        public String key() {
            return kernelSize == 7 && sigma == 1.6
                    ? "BD_x" + scale
                    : "BD_x" + scale + "_k" + kernelSize + "_s" + sigma;
        }
    }

    /**
     * DN: BI by {@code scale} to 8 bits, then {@code sigma * N(0, 1)} added per pixel and channel
     * (0..255 scale), rounded (half away from zero) and clipped to 0..255. The noise comes from
     * {@code java.util.Random(seed).nextGaussian()} (a specified algorithm, so stable across JDKs),
     * in planar CHW order. MATLAB's own noise stream cannot be reproduced.
     */
    record DN(int scale, double sigma, long seed) implements Degradation {
        public DN {
            checkScale(scale);
            if (!(sigma >= 0)) {
                throw new IllegalArgumentException("DN sigma must be >= 0, got " + sigma);
            }
        }

        @Override
        public ByteImage apply(ByteImage hr) {
            ByteImage lr = io.srgrn.data.resize.MatlabBicubic.downscale(hrFor(hr), scale);
            java.util.Random random = new java.util.Random(seed);
            byte[] src = lr.data();
            byte[] out = new byte[src.length];
            for (int i = 0; i < src.length; i++) {
                double v = (src[i] & 0xFF) + sigma * random.nextGaussian();
                out[i] = (byte) (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
            }
            return new ByteImage(lr.channels(), lr.height(), lr.width(), out);
        }

        @Override
        public Degradation forImage(String imageId) {
            return new DN(scale, sigma, Seeds.mix(seed, imageId));
        }

        @Override
        public String key() {
            return "DN_x"
                    + scale
                    + "_s"
                    + (sigma == Math.rint(sigma)
                            ? Long.toString((long) sigma)
                            : Double.toString(sigma))
                    + "_seed"
                    + seed;
        }
    }

    private static void checkScale(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("degradation scale must be >= 1, got " + scale);
        }
    }
}
