package io.srgrn.bench.cli;

import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;
import io.srgrn.spark.MemorySettings;
import picocli.CommandLine.Option;

/**
 * {@code --max-memory SIZE} or {@code --tile N [--tile-mode exact|fast] [--tile-overlap M]}, and
 * {@code --tile-features}: how commands that run SRGRN on whole images bound its memory.
 */
final class TilingMixin {
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
                            + "), fewer passes, output differs from SRGRN's (each tile's core is cut from its own run, with tile-local reasoning).")
    Tiling.Mode tileMode;

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

    /**
     * The options as one value (a bad combination is a usage error), the one srgrn-spark sends to
     * its executors too. The rules and messages are {@link MemorySettings#choose}'s, so
     * spark-upscale, spark-submit and the transformer's params refuse exactly what this command
     * line refuses.
     */
    MemorySettings settings() {
        try {
            long budget = maxMemory == null ? 0 : MemorySettings.parseSize(maxMemory);
            return MemorySettings.choose(tile, tileMode, tileOverlap, budget, features);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
