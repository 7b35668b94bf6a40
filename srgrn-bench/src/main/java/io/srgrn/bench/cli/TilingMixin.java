package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --max-memory SIZE} or {@code --tile N [--tile-mode exact|fast] [--tile-overlap M]}, and
 * {@code --tile-features}: how commands that run SRGRN on whole images bound its memory.
 */
final class TilingMixin {
    enum Mode {
        EXACT,
        FAST
    }

    @Option(
            names = "--max-memory",
            paramLabel = "SIZE",
            description =
                    "Keep SRGRN within about SIZE of memory (e.g. 2g, 1500m): an image whose whole-image inference "
                            + "would not fit runs in the largest exact tiles that do (same output, more time); too small a "
                            + "budget is an error saying what it would take. Without it (and without --tile) an image that "
                            + "would not fit the machine's available memory is tiled exactly and automatically.")
    String maxMemory;

    @Option(
            names = "--tile",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Run SRGRN in tiles of at most N x N input pixels so that memory is bounded by the tile, not "
                            + "the image; 0 (default): whole images (or --max-memory / automatic). See --tile-mode.")
    int tile;

    @Option(
            names = "--tile-mode",
            paramLabel = "MODE",
            description =
                    "exact (default): SRGRN's own output for any tile, its global reasoning pooled over the "
                            + "whole image in an extra pass; fast: independent tiles with an overlap (N >= "
                            + Tiling.MIN_TILE
                            + "), fewer passes, output differs from SRGRN's (blended seams, tile-local reasoning).")
    Mode tileMode;

    @Option(
            names = "--tile-overlap",
            paramLabel = "M",
            description =
                    "Fast tiles only: input pixels of context around each tile (default: "
                            + Tiling.DEFAULT_OVERLAP
                            + "); implies --tile-mode fast.")
    Integer tileOverlap;

    @Option(
            names = "--tile-features",
            paramLabel = "HOW",
            description =
                    "Exact tiles: how a stage's features are kept between passes: recompute (default: least "
                            + "memory, no disk), spill (temporary files: faster, disk I/O), host (heap: fastest, memory grows "
                            + "with the image).")
    Retention features;

    /** The options as one value; a bad combination is a usage error. */
    InferenceMemory memory() {
        Retention retention = features == null ? Srgrn.DEFAULT_RETENTION : features;
        if (maxMemory != null) {
            if (tile != 0 || tileMode != null || tileOverlap != null) {
                throw new UsageException(
                        "--max-memory chooses the tiles itself: drop --tile, --tile-mode and --tile-overlap");
            }
            return new InferenceMemory(null, parseSize(maxMemory), retention);
        }
        if (tile == 0) {
            if (tileOverlap != null || tileMode != null) {
                throw new UsageException(
                        (tileOverlap != null ? "--tile-overlap" : "--tile-mode")
                                + " needs --tile N");
            }
            return new InferenceMemory(null, 0, retention);
        }
        Mode mode = tileMode != null ? tileMode : tileOverlap != null ? Mode.FAST : Mode.EXACT;
        if (mode == Mode.EXACT && tileOverlap != null) {
            throw new UsageException(
                    "--tile-overlap is for --tile-mode fast; exact tiles compute their own halo");
        }
        try {
            Tiling t =
                    mode == Mode.EXACT
                            ? Tiling.exact(tile)
                            : new Tiling(
                                    tile,
                                    tileOverlap == null ? Tiling.DEFAULT_OVERLAP : tileOverlap);
            return new InferenceMemory(t, 0, retention);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    "--tile "
                            + tile
                            + (tileOverlap == null ? "" : " --tile-overlap " + tileOverlap)
                            + ": "
                            + e.getMessage());
        }
    }

    /** {@code 2g}, {@code 1500m}, {@code 512k} or plain bytes; binary units (1g = 2^30 bytes). */
    static long parseSize(String text) {
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
            throw new UsageException(
                    "--max-memory "
                            + text
                            + ": expected a positive size such as 2g, 1500m or 512k");
        }
    }
}
