package io.srgrn.api.exact;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature map cut into near-equal rectangular tiles of at most {@code tile} pixels a side, row by
 * row.
 */
final class TileGrid {
    private TileGrid() {}

    static List<Region> of(int height, int width, int tile) {
        int rows = (height + tile - 1) / tile;
        int cols = (width + tile - 1) / tile;
        List<Region> tiles = new ArrayList<>(rows * cols);
        for (int i = 0; i < rows; i++) {
            int y0 = (int) ((long) height * i / rows);
            int y1 = (int) ((long) height * (i + 1) / rows);
            for (int j = 0; j < cols; j++) {
                tiles.add(
                        new Region(
                                y0,
                                y1,
                                (int) ((long) width * j / cols),
                                (int) ((long) width * (j + 1) / cols)));
            }
        }
        return tiles;
    }
}
