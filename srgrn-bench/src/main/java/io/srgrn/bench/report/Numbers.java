package io.srgrn.bench.report;

import java.util.Locale;

/** How numbers appear in tables: fixed decimals, Locale.ROOT, and SI-style counts. */
public final class Numbers {
    private Numbers() {}

    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code 5,885,222}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 5.89M}, {@code 812.4K}, {@code 1.23G}. */
    public static String si(double value) {
        double a = Math.abs(value);
        if (a >= 1e9) {
            return fixed(value / 1e9, 2) + "G";
        }
        if (a >= 1e6) {
            return fixed(value / 1e6, 2) + "M";
        }
        if (a >= 1e3) {
            return fixed(value / 1e3, 1) + "K";
        }
        return fixed(value, 0);
    }

    /** PSNR/SSIM as the paper prints them: {@code 33.66/0.9299}. */
    public static String psnrSsim(double psnr, double ssim) {
        return fixed(psnr, 2) + "/" + fixed(ssim, 4);
    }
}
