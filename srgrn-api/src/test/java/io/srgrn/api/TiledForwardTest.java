package io.srgrn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TiledForwardTest {

    /** Nearest-neighbour x s with a different weight per channel: depends on each pixel alone. */
    private static UnaryOperator<Tensor> nearest(int s) {
        return t -> {
            int b = t.dim(0);
            int c = t.dim(1);
            int h = t.dim(2);
            int w = t.dim(3);
            Tensor out = Tensor.zeros(b, c, s * h, s * w);
            for (int n = 0; n < b; n++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int y = 0; y < s * h; y++) {
                        for (int x = 0; x < s * w; x++) {
                            out.set(
                                    t.get(n, ch, y / s, x / s) * (ch + 1)
                                            + 0.001f * ((y % s) * s + x % s),
                                    n,
                                    ch,
                                    y,
                                    x);
                        }
                    }
                }
            }
            return out;
        };
    }

    private static Tensor ramp(int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.sin(i * 0.37);
        }
        return t;
    }

    @Test
    void cutsAreNearEqualAndCoverTheAxis() {
        TiledForward.Cuts c = TiledForward.Cuts.of(50, 16);
        assertThat(c.count()).isEqualTo(4);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i <= c.count(); i++) {
            starts.add(c.start(i));
        }
        assertThat(starts).containsExactly(0, 12, 25, 37, 50);
        assertThat(TiledForward.Cuts.of(16, 16).count()).isEqualTo(1);
        assertThat(TiledForward.Cuts.of(17, 16).count()).isEqualTo(2);
    }

    @Test
    void aPixelLocalFunctionGivesTheWholeImageOutputForAnyTiling() {
        Tensor lr = ramp(2, 3, 37, 53);
        for (int s : new int[] {2, 3, 4}) {
            Tensor whole = nearest(s).apply(lr);
            for (Tiling t :
                    List.of(
                            new Tiling(16, 0),
                            new Tiling(16, 5),
                            new Tiling(20, 16),
                            new Tiling(36, 1))) {
                Tensor tiled = TiledForward.run(lr, s, t, nearest(s), TileProgress.NONE);
                assertThat(tiled.shape()).containsExactly(whole.shape());
                assertThat(tiled.bitEquals(whole)).as("x%d %s", s, t).isTrue();
            }
        }
    }

    @Test
    void eachTileSeesItsCoreAndTheOverlapClippedToTheImage() {
        List<int[]> seen = new ArrayList<>();
        UnaryOperator<Tensor> recorder =
                t -> {
                    seen.add(new int[] {t.dim(2), t.dim(3)});
                    return nearest(2).apply(t);
                };
        List<String> progress = new ArrayList<>();
        TiledForward.run(
                ramp(1, 1, 50, 20),
                2,
                new Tiling(16, 4),
                recorder,
                (done, total) -> progress.add(done + "/" + total));
        assertThat(progress)
                .containsExactly("1/8", "2/8", "3/8", "4/8", "5/8", "6/8", "7/8", "8/8");
        // Rows: cores [0,12) [12,25) [25,37) [37,50) -> inputs [0,16) [8,29) [21,41) [33,50);
        // columns: cores [0,10) [10,20) -> inputs [0,14) [6,20).
        assertThat(seen)
                .extracting(a -> a[0] + "x" + a[1])
                .containsExactly(
                        "16x14", "16x14", "21x14", "21x14", "20x14", "20x14", "17x14", "17x14");
    }

    @Test
    void aGlobalFunctionIsOnlyApproximatedAndAWrongOutputSizeIsRefused() {
        Tensor lr = ramp(1, 1, 32, 32);
        UnaryOperator<Tensor> plusMean =
                t -> {
                    float[] d = t.data();
                    double mean = 0;
                    for (float v : d) {
                        mean += v;
                    }
                    float m = (float) (mean / d.length);
                    Tensor y = nearest(2).apply(t);
                    float[] o = y.data();
                    for (int i = 0; i < o.length; i++) {
                        o[i] += m;
                    }
                    return y;
                };
        // A global statistic differs per tile: this is why tiled SRGRN is not bit-identical.
        assertThat(
                        TiledForward.run(lr, 2, new Tiling(16, 4), plusMean, TileProgress.NONE)
                                .bitEquals(plusMean.apply(lr)))
                .isFalse();
        assertThatThrownBy(
                        () ->
                                TiledForward.run(
                                        lr, 3, new Tiling(16, 4), nearest(2), TileProgress.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected x3");
    }

    @Test
    void tilingRefusesUselessSettings() {
        assertThatThrownBy(() -> new Tiling(8, 4))
                .hasMessage("tile must be at least 16 LR pixels, got 8");
        assertThatThrownBy(() -> new Tiling(64, -1))
                .hasMessage("tile overlap must be 0 or more LR pixels, got -1");
        assertThat(Tiling.of(64).overlap()).isEqualTo(Tiling.DEFAULT_OVERLAP);
        assertThat(new Tiling(64, 0).coversWhole(64, 64)).isTrue();
        assertThat(new Tiling(64, 0).coversWhole(64, 65)).isFalse();
    }
}
