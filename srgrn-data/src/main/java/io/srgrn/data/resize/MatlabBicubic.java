package io.srgrn.data.resize;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.PlanarImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MATLAB's {@code imresize(A, scale, 'bicubic')} as SPEC section 6 defines it: cubic kernel with a
 * = -0.5; when shrinking the kernel is stretched by 1/scale (antialiasing); sample positions {@code
 * u = x/scale + 0.5*(1 - 1/scale)} (1-based); weights normalised to sum 1; out-of-range taps
 * clamped to the edge pixel; output length {@code ceil(n*scale)}; the dimension with the smaller
 * factor first, height first on a tie.
 *
 * <p>Two paths: the 8-bit path rounds (half away from zero) and clips to 0..255 after each pass, as
 * MATLAB does for uint8 input; the double path keeps full precision throughout. The arithmetic
 * follows MATLAB's expression by expression (including {@code scale * cubic(scale * x)}) so that
 * 8-bit results round the same way and match MATLAB's files bit for bit.
 *
 * <p>Weight tables depend only on (length, factor) and are cached.
 */
public final class MatlabBicubic {

    private record Key(int inLength, double scale) {}

    /** Bounded so that resizing many differently sized images cannot grow memory without end. */
    private static final int CACHE_LIMIT = 4096;

    private static final Map<Key, ResizeWeights> CACHE = new ConcurrentHashMap<>();

    private MatlabBicubic() {}

    /**
     * MATLAB's output length for a dimension of {@code inLength} samples: {@code ceil(inLength *
     * scale)}.
     */
    public static int outputLength(int inLength, double scale) {
        checkScale(scale);
        double n = Math.ceil(inLength * scale);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "resizing " + inLength + " samples by " + scale + " gives " + n + " samples");
        }
        return (int) n;
    }

    /** The (cached) 1-D weights for resizing {@code inLength} samples by {@code scale}. */
    public static ResizeWeights weights(int inLength, double scale) {
        checkScale(scale);
        if (inLength <= 0) {
            throw new IllegalArgumentException("input length must be positive, got " + inLength);
        }
        Key key = new Key(inLength, scale);
        ResizeWeights w = CACHE.get(key);
        if (w == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            w =
                    CACHE.computeIfAbsent(
                            key,
                            k ->
                                    contributions(
                                            k.inLength,
                                            outputLength(k.inLength, k.scale),
                                            k.scale));
        }
        return w;
    }

    /** 8-bit path: MATLAB {@code imresize(uint8, scale, 'bicubic')}. */
    public static ByteImage resize(ByteImage image, double scale) {
        return resize(image, scale, scale);
    }

    /** 8-bit path with separate factors for height and width. */
    public static ByteImage resize(ByteImage image, double scaleH, double scaleW) {
        ResizeWeights wh = weights(image.height(), scaleH);
        ResizeWeights ww = weights(image.width(), scaleW);
        boolean heightFirst = scaleH <= scaleW;
        int c = image.channels();
        int h = image.height();
        int w = image.width();
        int outH = wh.outLength();
        int outW = ww.outLength();
        byte[] src = image.data();
        byte[] out = new byte[c * outH * outW];
        PassBuffers buf = new PassBuffers();
        if (heightFirst) {
            byte[] mid = new byte[outH * w];
            for (int ch = 0; ch < c; ch++) {
                Passes.rows8(src, ch * h * w, w, wh, mid, 0, buf);
                Passes.columns8(mid, 0, outH, w, ww, out, ch * outH * outW);
            }
        } else {
            byte[] mid = new byte[h * outW];
            for (int ch = 0; ch < c; ch++) {
                Passes.columns8(src, ch * h * w, h, w, ww, mid, 0);
                Passes.rows8(mid, 0, outW, wh, out, ch * outH * outW, buf);
            }
        }
        return new ByteImage(c, outH, outW, out);
    }

    /** 8-bit downscale by an integer factor: {@code imresize(A, 1/factor, 'bicubic')}. */
    public static ByteImage downscale(ByteImage image, int factor) {
        return resize(image, 1.0 / checkFactor(factor));
    }

    /** 8-bit upscale by an integer factor: {@code imresize(A, factor, 'bicubic')}. */
    public static ByteImage upscale(ByteImage image, int factor) {
        return resize(image, checkFactor(factor));
    }

    /**
     * Double path on planar CHW data: {@code imresize(double, scale, 'bicubic')} without any
     * rounding or clipping (results may leave [0, 1] slightly, as in MATLAB).
     */
    public static double[] resize(
            double[] src, int channels, int height, int width, double scaleH, double scaleW) {
        if (src.length != (long) channels * height * width) {
            throw new IllegalArgumentException(
                    "data length "
                            + src.length
                            + " does not match "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width);
        }
        ResizeWeights wh = weights(height, scaleH);
        ResizeWeights ww = weights(width, scaleW);
        int outH = wh.outLength();
        int outW = ww.outLength();
        double[] out = new double[channels * outH * outW];
        if (scaleH <= scaleW) {
            double[] mid = new double[outH * width];
            for (int ch = 0; ch < channels; ch++) {
                Passes.rowsD(src, ch * height * width, width, wh, mid, 0);
                Passes.columnsD(mid, 0, outH, width, ww, out, ch * outH * outW);
            }
        } else {
            double[] mid = new double[height * outW];
            for (int ch = 0; ch < channels; ch++) {
                Passes.columnsD(src, ch * height * width, height, width, ww, mid, 0);
                Passes.rowsD(mid, 0, outW, wh, out, ch * outH * outW);
            }
        }
        return out;
    }

    /** Double path on one plane with one factor for both dimensions. */
    public static double[] resize(double[] plane, int height, int width, double scale) {
        return resize(plane, 1, height, width, scale, scale);
    }

    /**
     * Double path on a float image (computed in double, stored back as float, not clipped): used to
     * upscale alpha planes and for the Bicubic baseline in float.
     */
    public static PlanarImage resize(PlanarImage image, double scale) {
        float[] f = image.data();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        double[] r = resize(d, image.channels(), image.height(), image.width(), scale, scale);
        float[] out = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = (float) r[i];
        }
        return new PlanarImage(
                image.channels(),
                outputLength(image.height(), scale),
                outputLength(image.width(), scale),
                out);
    }

    /**
     * MATLAB's {@code cubic}: Keys' kernel with a = -0.5, written as MATLAB's imresize writes it.
     */
    static double cubic(double x) {
        double absx = Math.abs(x);
        double absx2 = absx * absx;
        double absx3 = absx2 * absx;
        double f = 0;
        if (absx <= 1) {
            f = 1.5 * absx3 - 2.5 * absx2 + 1;
        } else if (absx <= 2) {
            f = -0.5 * absx3 + 2.5 * absx2 - 4 * absx + 2;
        }
        return f;
    }

    /**
     * MATLAB's {@code contributions(in_length, out_length, scale, @cubic, 4, true)} with edge
     * clamping.
     */
    static ResizeWeights contributions(int inLength, int outLength, double scale) {
        boolean antialias = scale < 1;
        double kernelWidth = antialias ? 4.0 / scale : 4.0;
        int p = (int) Math.ceil(kernelWidth) + 2;
        int[] start = new int[outLength + 1];
        int[] index = new int[outLength * p];
        double[] weight = new double[outLength * p];
        double[] w = new double[p];
        int n = 0;
        for (int x = 1; x <= outLength; x++) {
            double u = x / scale + 0.5 * (1 - 1 / scale);
            double left = Math.floor(u - kernelWidth / 2);
            double sum = 0;
            for (int k = 0; k < p; k++) {
                double d = u - (left + k);
                w[k] = antialias ? scale * cubic(scale * d) : cubic(d);
                sum += w[k];
            }
            start[x - 1] = n;
            int first = 0;
            int last = p - 1;
            while (first < p && w[first] == 0) {
                first++;
            }
            while (last > first && w[last] == 0) {
                last--;
            }
            for (int k = first; k <= last; k++) {
                long idx = (long) left + k - 1;
                index[n] = (int) Math.max(0, Math.min(inLength - 1, idx));
                weight[n] = w[k] / sum;
                n++;
            }
        }
        start[outLength] = n;
        return new ResizeWeights(
                inLength,
                outLength,
                scale,
                start,
                java.util.Arrays.copyOf(index, n),
                java.util.Arrays.copyOf(weight, n));
    }

    private static void checkScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(
                    "scale factor must be positive and finite, got " + scale);
        }
    }

    private static int checkFactor(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("resize factor must be >= 1, got " + factor);
        }
        return factor;
    }

    /** Scratch space reused across the channels of one resize call. */
    static final class PassBuffers {
        double[] acc = new double[0];

        double[] acc(int n) {
            if (acc.length < n) {
                acc = new double[n];
            }
            return acc;
        }
    }
}
