package io.srgrn.api.exact;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.config.SrgrnConfig;
import org.junit.jupiter.api.Test;

class MemoryCostTest {

    @Test
    void paperX4IsSetByTheSecondGrumAndCoversTheMeasuredWholeImagePeak() {
        MemoryCost cost = MemoryCost.of(SrgrnConfig.paper(4));
        // second GRUM at scale 2: 4 * (64 + 5 * 4 * 64 + 2 * 10)
        assertThat(cost.floatsPerLrPixel()).isEqualTo(4 * (64 + 5 * 4 * 64 + 20));
        // docs/RESULTS.md: 3.69 GB resident for a 481x321 image, about 1 GB of it JVM, libtorch and
        // model
        assertThat(cost.wholeImageBytes(1, 321, 481)).isGreaterThan(2_690_000_000L);
        // trunk: sfe1, sfe2, D * C, gff.1; then two pixels per GRUM and GRRB
        assertThat(cost.haloLr()).isEqualTo(3 + 20 * 6 + 2 * 3);
        assertThat(cost.stages()).hasSize(4);
    }

    @Test
    void aTileWindowNeverExceedsTheImage() {
        MemoryCost cost = MemoryCost.of(SrgrnConfig.paper(4));
        assertThat(cost.tileBytes(1, 1, 40, 30))
                .isLessThanOrEqualTo(cost.wholeImageBytes(1, 40, 30));
        // a tile as large as the image: the second GRUM's tensors, 4 * (64 + 5 * 4 * 64 + 2 * 10),
        // and host copies, 4 * (64 + 3 * 4 * 64 + 10 + 2), over the whole image, and the measured
        // overhead
        assertThat(cost.tileBytes(1, 40, 40, 30))
                .isEqualTo(
                        (long) Math.ceil(4L * (5456 + 3376) * 40 * 30 * MemoryCost.TILE_OVERHEAD));
    }

    @Test
    void exactTilesCountTheHostCopiesOfGrumAndGrrbButNotOfTheTrunk() {
        SrgrnConfig config = SrgrnConfig.compact(4); // G0 32, N 8, out 3
        MemoryCost cost = MemoryCost.of(config);
        assertThat(cost.stages())
                .extracting(MemoryCost.Stage::hostFloatsPerLrPixel)
                .containsExactly(
                        3L + 32, // trunk: input and output windows
                        32 + 3 * 4 * 32 + 8 + 2L, // GRUM at LR scale
                        4 * (32 + 3 * 4 * 32 + 8 + 2L), // GRUM at scale 2
                        16 * (3 * 32 + 8 + 3 + 2L)); // GRRB at scale 4
        // 200 LR pixel tiles of a 1000x1000 image: the second GRUM on a (200 + 2 * 4)^2 window at
        // scale 2 is the largest, 4 * (32 + 5 * 4 * 32 + 2 * 8) floats a pixel in tensors and 1704
        // on the host
        assertThat(cost.tileBytes(1, 200, 1000, 1000))
                .isEqualTo(
                        (long)
                                Math.ceil(
                                        4L * (2752 + 1704) * 208 * 208 * MemoryCost.TILE_OVERHEAD));
    }

    @Test
    void largestTileIsTheLargestThatFits() {
        MemoryCost cost = MemoryCost.of(SrgrnConfig.compact(4));
        int h = 2000;
        int w = 1500;
        for (long budget :
                new long[] {
                    cost.tileBytes(2, 1, h, w), 50_000_000L, 300_000_000L, 2_000_000_000L
                }) {
            int tile = cost.largestTile(2, h, w, budget);
            assertThat(tile).isPositive();
            assertThat(cost.tileBytes(2, tile, h, w)).isLessThanOrEqualTo(budget);
            assertThat(cost.tileBytes(2, tile + 1, h, w)).isGreaterThan(budget);
        }
        assertThat(cost.largestTile(1, h, w, cost.tileBytes(1, 1, h, w) - 1)).isZero();
    }

    @Test
    void tileForSaysWholeTileOrNone() {
        MemoryCost cost = MemoryCost.of(SrgrnConfig.compact(2));
        assertThat(cost.tileFor(1, 100, 80, cost.wholeImageBytes(1, 100, 80)))
                .isEqualTo(MemoryCost.WHOLE);
        assertThat(cost.tileFor(1, 1000, 800, cost.tileBytes(1, 64, 1000, 800))).isEqualTo(64);
        assertThat(cost.tileFor(1, 1000, 800, cost.tileBytes(1, 1, 1000, 800) - 1))
                .isEqualTo(MemoryCost.NONE);
    }
}
