package io.srgrn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.config.SrgrnConfig;
import io.srgrn.api.tensor.Tensor;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ExactTilingOptionsTest {

    @Test
    void exactTilesAreCheckedAndFastTilesKeepTheirMeaning() {
        assertThat(Tiling.exact(1).mode()).isEqualTo(Tiling.Mode.EXACT);
        assertThat(new Tiling(16, 4).mode()).isEqualTo(Tiling.Mode.FAST);
        assertThatThrownBy(() -> Tiling.exact(0)).hasMessageContaining("at least 1 LR pixel");
        assertThatThrownBy(() -> new Tiling(8, 4, Tiling.Mode.EXACT))
                .hasMessageContaining("overlap must be 0");
    }

    @Test
    void aBudgetAndATilingAreOneChoice() {
        assertThatThrownBy(
                        () ->
                                Srgrn.builder()
                                        .backend("nearest")
                                        .config(SrgrnConfig.compact(2))
                                        .untrained()
                                        .tiling(Tiling.exact(8))
                                        .memoryBudget(1L << 30)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose one");
        assertThatThrownBy(() -> Srgrn.builder().memoryBudget(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBudgetSmallerThanTheProcessIsAClearErrorAtEveryEntryPoint() {
        try (Srgrn sr =
                Srgrn.builder()
                        .backend("nearest")
                        .config(SrgrnConfig.compact(2))
                        .untrained()
                        .memoryBudget(1 << 20)
                        .build()) {
            String tooSmall = "memory budget of 1 MiB is too small";
            assertThatThrownBy(() -> sr.upscale(Tensor.zeros(1, 3, 40, 30)))
                    .isInstanceOf(SrgrnException.class)
                    .hasMessageContaining(tooSmall)
                    .hasMessageContaining("raise the budget to at least");
            // the image entry points choose their tiles themselves, under the same budget
            BufferedImage awt = new BufferedImage(30, 40, BufferedImage.TYPE_INT_RGB);
            DecodedImage image = ImageFiles.fromBufferedImage(awt);
            assertThatThrownBy(() -> sr.upscale(awt)).hasMessageContaining(tooSmall);
            assertThatThrownBy(() -> sr.upscaleToImage(image, false, TileProgress.NONE, 8))
                    .hasMessageContaining(tooSmall);
            assertThatThrownBy(() -> sr.upscale(image, true)).hasMessageContaining(tooSmall);
        }
    }

    @Test
    void aGenerousBudgetOrNoneRunsSmallImagesWhole() {
        try (Srgrn sr =
                Srgrn.builder()
                        .backend("nearest")
                        .config(SrgrnConfig.compact(2))
                        .untrained()
                        .memoryBudget(1L << 40)
                        .build()) {
            assertThat(sr.tilingFor(1, 40, 30, false)).isNull();
        }
        try (Srgrn sr =
                Srgrn.builder()
                        .backend("nearest")
                        .config(SrgrnConfig.compact(2))
                        .untrained()
                        .build()) {
            assertThat(sr.tilingFor(1, 40, 30, true)).isNull();
        }
    }

    @Test
    void streamedTilesLeaveRoomForTheQuantisedOutputOnly() {
        // a grey 3000x3000 image at x4: a float (RGB) output of 1.73 GB, 0.14 GB at 8 bits grey;
        // whole-image inference ~100 GB
        long headroom = 1_200_000_000L;
        try (Srgrn sr =
                Srgrn.builder()
                        .backend("nearest")
                        .config(SrgrnConfig.compact(4))
                        .untrained()
                        .memoryBudget(io.srgrn.api.exact.ProcessMemory.residentBytes() + headroom)
                        .build()) {
            assertThatThrownBy(() -> sr.tilingFor(1, 3000, 3000, false))
                    .isInstanceOf(SrgrnException.class)
                    .hasMessageContaining("the output needs 1.61 GiB");
            io.srgrn.data.image.DecodedImage image =
                    io.srgrn.data.image.DecodedImage.of(
                            new io.srgrn.data.image.PlanarImage(
                                    1, 3000, 3000, new float[3000 * 3000]));
            Tiling tiles = sr.tilingFor(image, false, 8);
            assertThat(tiles.mode()).isEqualTo(Tiling.Mode.EXACT);
            assertThat(tiles.tile()).isBetween(16, 3000);
            // self-ensemble averages float outputs: no room
            assertThatThrownBy(() -> sr.tilingFor(image, true, 8))
                    .isInstanceOf(SrgrnException.class);
        }
    }
}
