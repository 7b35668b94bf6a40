package io.srgrn.spark;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;
import java.io.Serializable;
import java.util.Locale;

/**
 * How each executor's SRGRN bounds its memory: the choice {@code srgrn upscale} makes with {@code
 * --tile N [--tile-mode exact|fast] [--tile-overlap M]}, {@code --max-memory SIZE} and {@code
 * --tile-features HOW}, as one value that can travel to the executors inside {@link ModelSettings}.
 *
 * <p>The rules for combining those options live here, once: {@link #choose} applies them to what a
 * user gave (null: not given) with the messages the options' names make clear, and {@code srgrn
 * upscale}, {@code srgrn spark-upscale}, {@link SparkUpscale}'s arguments and {@link
 * SrgrnUpscaler}'s params all go through it, so a cluster run refuses and runs exactly what a local
 * one does. What {@link Tiling} checks itself (sizes, overlaps) is left to it.
 *
 * @param tile largest tile side in LR pixels; 0: no explicit tiles (whole images, or exact tiles
 *     chosen by the budget or, with none, by the machine's available memory)
 * @param tileMode exact or fast tiles; null when {@code tile} is 0
 * @param tileOverlap fast tiles' context in LR pixels; 0 otherwise
 * @param budget bytes of memory to stay within; 0: none
 * @param retention how exact tiles keep features between passes (null: {@link
 *     Srgrn#DEFAULT_RETENTION})
 */
public record MemorySettings(
        int tile, Tiling.Mode tileMode, int tileOverlap, long budget, Retention retention)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** No explicit tiles and no budget: what {@code srgrn upscale} does without the options. */
    public static final MemorySettings DEFAULT =
            new MemorySettings(0, null, 0, 0, Srgrn.DEFAULT_RETENTION);

    public MemorySettings {
        if (retention == null) {
            retention = Srgrn.DEFAULT_RETENTION;
        }
        if (budget < 0) {
            throw new IllegalArgumentException(
                    "memory budget must be positive (0: none), got " + budget + " bytes");
        }
        if (budget > 0 && (tile != 0 || tileMode != null || tileOverlap != 0)) {
            // Srgrn.Builder refuses the pair too, but only when an executor builds the model.
            throw new IllegalArgumentException(
                    "--max-memory chooses the tiles itself: drop --tile, --tile-mode and --tile-overlap");
        }
        if (tile == 0) {
            if (tileMode != null || tileOverlap != 0) {
                throw new IllegalArgumentException(
                        (tileOverlap != 0 ? "--tile-overlap" : "--tile-mode") + " needs --tile N");
            }
        } else {
            if (tileMode == null) {
                throw new IllegalArgumentException(
                        "--tile " + tile + " needs a tile mode: exact or fast");
            }
            new Tiling(tile, tileOverlap, tileMode); // its own checks, on the driver
        }
    }

    /**
     * The settings for what a user gave, by {@code srgrn upscale}'s rules: {@code --tile} alone
     * means exact tiles, {@code --tile-overlap} implies fast ones (default overlap {@value
     * Tiling#DEFAULT_OVERLAP}), exact tiles take no overlap, a budget chooses the tiles itself.
     *
     * @param tile 0: not given
     * @param mode null: not given
     * @param overlap null: not given
     * @param budget bytes, 0: not given
     * @param retention null: the default
     * @throws IllegalArgumentException naming the options, for a combination {@code srgrn upscale}
     *     refuses
     */
    public static MemorySettings choose(
            int tile, Tiling.Mode mode, Integer overlap, long budget, Retention retention) {
        if (budget > 0) {
            if (tile != 0 || mode != null || overlap != null) {
                throw new IllegalArgumentException(
                        "--max-memory chooses the tiles itself: drop --tile, --tile-mode and --tile-overlap");
            }
            return new MemorySettings(0, null, 0, budget, retention);
        }
        if (tile == 0) {
            if (overlap != null || mode != null) {
                throw new IllegalArgumentException(
                        (overlap != null ? "--tile-overlap" : "--tile-mode") + " needs --tile N");
            }
            return new MemorySettings(0, null, 0, budget, retention);
        }
        Tiling.Mode chosen =
                mode != null ? mode : overlap != null ? Tiling.Mode.FAST : Tiling.Mode.EXACT;
        if (chosen == Tiling.Mode.EXACT && overlap != null) {
            throw new IllegalArgumentException(
                    "--tile-overlap is for --tile-mode fast; exact tiles compute their own halo");
        }
        int context =
                chosen == Tiling.Mode.EXACT
                        ? 0
                        : overlap == null ? Tiling.DEFAULT_OVERLAP : overlap;
        try {
            return new MemorySettings(tile, chosen, context, 0, retention);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--tile "
                            + tile
                            + (overlap == null ? "" : " --tile-overlap " + overlap)
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The explicit tiles, or null. */
    public Tiling tiling() {
        return tile == 0 ? null : new Tiling(tile, tileOverlap, tileMode);
    }

    /** Sets these choices on a builder. */
    public Srgrn.Builder applyTo(Srgrn.Builder b) {
        b.tiling(tiling()).featureRetention(retention);
        return budget > 0 ? b.memoryBudget(budget) : b;
    }

    /**
     * For messages: the tiles or the budget, and the feature retention when it is not the default;
     * empty for the default.
     */
    public String describe() {
        String how =
                tileMode == Tiling.Mode.FAST
                        ? "fast tiles of " + tile + " LR px + " + tileOverlap + " overlap"
                        : tileMode == Tiling.Mode.EXACT
                                ? "exact tiles of " + tile + " LR px"
                                : budget > 0 ? "memory budget " + (budget >> 20) + " MiB" : "";
        // Fast tiles never keep features; the others may tile exactly (budget, or automatically).
        if (tileMode == Tiling.Mode.FAST || retention == Srgrn.DEFAULT_RETENTION) {
            return how;
        }
        String features = "features " + name(retention);
        return how.isEmpty() ? features : how + ", " + features;
    }

    /**
     * {@code --max-memory}'s value: {@code 2g}, {@code 1500m}, {@code 512k} or plain bytes, binary
     * units (1g = 2^30 bytes).
     */
    public static long parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        String number = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            double value = Double.parseDouble(number);
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return (long) (value * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--max-memory "
                            + text
                            + ": expected a positive size such as 2g, 1500m or 512k");
        }
    }

    /** {@code --tile-mode}'s value, any case. */
    public static Tiling.Mode parseMode(String text) {
        for (Tiling.Mode m : Tiling.Mode.values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("--tile-mode " + text + ": expected exact or fast");
    }

    /** {@code --tile-features}'s value, any case. */
    public static Retention parseRetention(String text) {
        for (Retention r : Retention.values()) {
            if (r.name().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "--tile-features " + text + ": expected recompute, spill or host");
    }

    /** The lower-case name options use for a mode or retention. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
