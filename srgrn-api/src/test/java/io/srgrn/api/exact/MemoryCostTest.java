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
        assertThat(cost.tileBytes(1, 40, 40, 30)).isEqualTo(cost.wholeImageBytes(1, 40, 30));
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
