package io.srgrn.api.config;

import java.util.List;
import java.util.Objects;

/**
 * Every hyper-parameter of SRGRN (SPEC section 1). Immutable and validated on construction: a bad
 * value fails with a message naming the field, the value and what is allowed.
 *
 * @param scale upscaling factor: 2, 3 or 4 (x4 chains two GRUMs of r = 2)
 * @param inChannels 1 (grey) or 3 (RGB)
 * @param outChannels 1 (grey) or 3 (RGB)
 * @param g0 feature channels
 * @param d residual dense blocks
 * @param c conv layers per RDB
 * @param g growth rate
 * @param n graph nodes
 * @param alpha bottleneck reduction of GRUM's channel expansion; g0 / alpha must be an integer
 * @param slope LeakyReLU negative slope
 * @param nodeAggregation MEAN (default, SPEC decision) or SUM (the paper's literal eq. 5)
 * @param grum use global reasoning in the upsampling module (false: sub-pixel only)
 * @param grrb use global reasoning in the reconstruction block (false: plain tail)
 */
public record SrgrnConfig(
        int scale,
        int inChannels,
        int outChannels,
        int g0,
        int d,
        int c,
        int g,
        int n,
        int alpha,
        double slope,
        NodeAggregation nodeAggregation,
        boolean grum,
        boolean grrb) {

    /**
     * The upscaling factors SRGRN is defined for (SPEC 3): one GRUM of r = 2 or 3, or two of r = 2.
     */
    public static final List<Integer> SCALES = List.of(2, 3, 4);

    /** Whether {@code scale} is one of {@link #SCALES}: the one place that rule is written. */
    public static boolean isSupportedScale(int scale) {
        return SCALES.contains(scale);
    }

    public SrgrnConfig {
        Objects.requireNonNull(
                nodeAggregation, "nodeAggregation must not be null (allowed: MEAN, SUM)");
        require(isSupportedScale(scale), "scale", scale, "2, 3 or 4");
        require(
                inChannels == 1 || inChannels == 3,
                "inChannels",
                inChannels,
                "1 (grey) or 3 (RGB)");
        require(
                outChannels == 1 || outChannels == 3,
                "outChannels",
                outChannels,
                "1 (grey) or 3 (RGB)");
        require(g0 >= 1 && g0 <= 4096, "G0", g0, "1..4096");
        require(d >= 1 && d <= 256, "D", d, "1..256");
        require(c >= 1 && c <= 64, "C", c, "1..64");
        require(g >= 1 && g <= 4096, "G", g, "1..4096");
        require(n >= 1 && n <= 4096, "N", n, "1..4096");
        require(alpha >= 1 && alpha <= g0, "alpha", alpha, "1..G0 (" + g0 + ")");
        require(
                g0 % alpha == 0,
                "alpha",
                alpha,
                "a divisor of G0 = " + g0 + " (G0/alpha must be an integer)");
        require(
                Double.isFinite(slope) && slope >= 0 && slope < 1,
                "slope",
                slope,
                "a finite value in [0, 1)");
    }

    private static void require(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException(
                    "invalid SRGRN config: " + field + " = " + value + "; allowed: " + allowed);
        }
    }

    /** The paper's model (SPEC section 1): G0 64, D 20, C 6, G 32, N 10, alpha 8, MEAN. */
    public static SrgrnConfig paper(int scale) {
        return new SrgrnConfig(
                scale, 3, 3, 64, 20, 6, 32, 10, 8, 0.2, NodeAggregation.MEAN, true, true);
    }

    /**
     * A CPU-friendly SRGRN with the same architecture, sized down: G0 32, D 4, C 4, G 16, N 8,
     * alpha 4. It has 10.6x (x4), 15.0x (x3) and 20.8x (x2) fewer multiply-adds per LR pixel than
     * {@link #paper(int)} ({@code ./srgrn info} prints both; {@code SrgrnConfigTest} keeps the
     * ratio within 10-30x), which makes training on a laptop CPU practical.
     */
    public static SrgrnConfig compact(int scale) {
        return new SrgrnConfig(
                scale, 3, 3, 32, 4, 4, 16, 8, 4, 0.2, NodeAggregation.MEAN, true, true);
    }

    /** A preset by name: {@code paper} or {@code compact}. */
    public static SrgrnConfig preset(String name, int scale) {
        return switch (name) {
            case "paper", "srgrn" -> paper(scale);
            case "compact" -> compact(scale);
            default ->
                    throw new IllegalArgumentException(
                            "unknown preset '" + name + "'; allowed: paper, compact");
        };
    }

    public SrgrnConfig withScale(int newScale) {
        return new SrgrnConfig(
                newScale,
                inChannels,
                outChannels,
                g0,
                d,
                c,
                g,
                n,
                alpha,
                slope,
                nodeAggregation,
                grum,
                grrb);
    }

    public SrgrnConfig withChannels(int in, int out) {
        return new SrgrnConfig(
                scale, in, out, g0, d, c, g, n, alpha, slope, nodeAggregation, grum, grrb);
    }

    public SrgrnConfig withNodeAggregation(NodeAggregation aggregation) {
        return new SrgrnConfig(
                scale,
                inChannels,
                outChannels,
                g0,
                d,
                c,
                g,
                n,
                alpha,
                slope,
                aggregation,
                grum,
                grrb);
    }

    public SrgrnConfig withAblation(boolean useGrum, boolean useGrrb) {
        return new SrgrnConfig(
                scale,
                inChannels,
                outChannels,
                g0,
                d,
                c,
                g,
                n,
                alpha,
                slope,
                nodeAggregation,
                useGrum,
                useGrrb);
    }

    /** The upsampling factors of the GRUM chain: [2] for x2, [3] for x3, [2, 2] for x4. */
    public int[] upsampleFactors() {
        return switch (scale) {
            case 2 -> new int[] {2};
            case 3 -> new int[] {3};
            case 4 -> new int[] {2, 2};
            default -> throw new IllegalStateException("unreachable: scale validated");
        };
    }
}
