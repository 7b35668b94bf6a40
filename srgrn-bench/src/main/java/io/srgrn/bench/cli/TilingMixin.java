package io.srgrn.bench.cli;

import io.srgrn.api.Tiling;
import picocli.CommandLine.Option;

/** {@code --tile N [--tile-overlap M]}: SRGRN in tiles, for commands that run it on whole images. */
final class TilingMixin {
    @Option(names = "--tile", paramLabel = "N", defaultValue = "0",
            description = "Run SRGRN in tiles of at most N x N input pixels (N >= " + Tiling.MIN_TILE + ") so that memory "
                    + "is bounded by the tile, not the image; 0 (default): whole images, exactly as the paper. Tiled "
                    + "output differs slightly from whole-image output: the graph reasoning is global.")
    int tile;

    @Option(names = "--tile-overlap", paramLabel = "M",
            description = "Input pixels of context around each tile (default: " + Tiling.DEFAULT_OVERLAP + ").")
    Integer tileOverlap;

    /** The tiling asked for, or null for whole images; a bad combination is a usage error. */
    Tiling tiling() {
        if (tile == 0) {
            if (tileOverlap != null) {
                throw new UsageException("--tile-overlap needs --tile N");
            }
            return null;
        }
        try {
            return new Tiling(tile, tileOverlap == null ? Tiling.DEFAULT_OVERLAP : tileOverlap);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tile " + tile + (tileOverlap == null ? "" : " --tile-overlap " + tileOverlap) + ": "
                    + e.getMessage());
        }
    }
}
