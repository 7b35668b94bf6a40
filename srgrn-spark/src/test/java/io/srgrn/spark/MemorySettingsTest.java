package io.srgrn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.spark.ml.param.ParamMap;
import org.junit.jupiter.api.Test;

/**
 * The memory choice on the driver: {@code srgrn upscale}'s defaults and refusals from {@link
 * MemorySettings#choose}, {@link SrgrnUpscaler}'s params and {@link SparkUpscale}'s arguments, and
 * the value that keys the executors' model cache. No Spark job runs here.
 */
class MemorySettingsTest {
    @Test
    void chooseAppliesSrgrnUpscalesDefaults() {
        assertThat(MemorySettings.choose(0, null, null, 0, null)).isEqualTo(MemorySettings.DEFAULT);
        assertThat(MemorySettings.choose(8, null, null, 0, null).tiling())
                .as("--tile N alone means exact tiles")
                .isEqualTo(Tiling.exact(8));
        assertThat(MemorySettings.choose(32, null, 4, 0, null).tiling())
                .as("an overlap implies fast tiles")
                .isEqualTo(new Tiling(32, 4));
        assertThat(MemorySettings.choose(32, Tiling.Mode.FAST, null, 0, null).tiling())
                .isEqualTo(Tiling.of(32));
        MemorySettings budget = MemorySettings.choose(0, null, null, 2L << 30, Retention.SPILL);
        assertThat(budget.tiling()).isNull();
        assertThat(budget.budget()).isEqualTo(2L << 30);
        assertThat(budget.describe()).isEqualTo("memory budget 2048 MiB, features spill");
        assertThat(MemorySettings.choose(8, null, null, 0, null).describe())
                .isEqualTo("exact tiles of 8 LR px");
        assertThat(MemorySettings.choose(32, null, 4, 0, Retention.HOST).describe())
                .as("fast tiles keep no features")
                .isEqualTo("fast tiles of 32 LR px + 4 overlap");
        assertThat(MemorySettings.DEFAULT.describe()).isEmpty();
    }

    @Test
    void chooseRefusesWhatSrgrnUpscaleRefusesWithItsMessages() {
        assertThatThrownBy(() -> MemorySettings.choose(16, null, null, 1L << 30, null))
                .hasMessage(
                        "--max-memory chooses the tiles itself: drop --tile, --tile-mode and --tile-overlap");
        assertThatThrownBy(() -> MemorySettings.choose(0, Tiling.Mode.FAST, null, 1L << 30, null))
                .hasMessageContaining("--max-memory chooses the tiles itself");
        assertThatThrownBy(() -> MemorySettings.choose(0, null, 4, 0, null))
                .hasMessage("--tile-overlap needs --tile N");
        assertThatThrownBy(() -> MemorySettings.choose(0, Tiling.Mode.EXACT, null, 0, null))
                .hasMessage("--tile-mode needs --tile N");
        assertThatThrownBy(() -> MemorySettings.choose(16, Tiling.Mode.EXACT, 4, 0, null))
                .hasMessage(
                        "--tile-overlap is for --tile-mode fast; exact tiles compute their own halo");
        // Tiling's own checks, named by the options that made them
        assertThatThrownBy(() -> MemorySettings.choose(8, Tiling.Mode.FAST, null, 0, null))
                .hasMessage("--tile 8: tile must be at least 16 LR pixels, got 8");
        assertThatThrownBy(() -> MemorySettings.choose(32, null, -1, 0, null))
                .hasMessageContaining(
                        "--tile 32 --tile-overlap -1: tile overlap must be 0 or more");
        assertThatThrownBy(() -> MemorySettings.choose(-3, null, null, 0, null))
                .hasMessageContaining("--tile -3: exact tiles must be at least 1 LR pixel");
        assertThatThrownBy(() -> MemorySettings.parseSize("lots"))
                .hasMessageContaining("expected a positive size such as 2g");
        assertThat(MemorySettings.parseSize("1500m")).isEqualTo(1500L << 20);
        assertThatThrownBy(() -> MemorySettings.parseMode("tiled"))
                .hasMessageContaining("--tile-mode tiled: expected exact or fast");
        assertThat(MemorySettings.parseRetention("Spill")).isEqualTo(Retention.SPILL);
    }

    @Test
    void theCanonicalValueRefusesCombinationsTheBuilderWouldRefuseOnlyOnAnExecutor() {
        assertThatThrownBy(
                        () ->
                                new MemorySettings(
                                        16, Tiling.Mode.EXACT, 0, 1L << 30, Retention.RECOMPUTE))
                .hasMessageContaining("--max-memory chooses the tiles itself");
        assertThatThrownBy(() -> new MemorySettings(0, null, 0, -1, null))
                .hasMessageContaining("memory budget must be positive");
        assertThatThrownBy(() -> new MemorySettings(16, null, 0, 0, null))
                .hasMessageContaining("needs a tile mode");
        assertThatThrownBy(() -> new MemorySettings(16, Tiling.Mode.EXACT, 4, 0, null))
                .hasMessageContaining("exact tiles compute their own halo");
        assertThat(new MemorySettings(0, null, 0, 0, null).retention())
                .isEqualTo(Srgrn.DEFAULT_RETENTION);
    }

    @Test
    void theParamsGiveWhatTheSameCommandLineGives() {
        assertThat(new SrgrnUpscaler().settings().memory()).isEqualTo(MemorySettings.DEFAULT);
        assertThat(new SrgrnUpscaler().setTile(8).settings().memory().tiling())
                .isEqualTo(Tiling.exact(8));
        assertThat(new SrgrnUpscaler().setTile(32).setTileOverlap(4).settings().memory().tiling())
                .isEqualTo(new Tiling(32, 4));
        assertThat(new SrgrnUpscaler().setTile(32).setTileMode("fast").settings().memory().tiling())
                .isEqualTo(Tiling.of(32));
        MemorySettings budget =
                new SrgrnUpscaler().setMaxMemory("2g").setTileFeatures("host").settings().memory();
        assertThat(budget).isEqualTo(new MemorySettings(0, null, 0, 2L << 30, Retention.HOST));
        assertThatThrownBy(() -> new SrgrnUpscaler().setMaxMemory("2g").setTile(16).settings())
                .hasMessageContaining("--max-memory chooses the tiles itself");
        assertThatThrownBy(() -> new SrgrnUpscaler().setTileOverlap(4).settings())
                .hasMessageContaining("--tile-overlap needs --tile N");
        assertThatThrownBy(() -> new SrgrnUpscaler().setTile(8).setTileMode("fast").settings())
                .hasMessageContaining("tile must be at least 16 LR pixels, got 8");
        assertThatThrownBy(() -> new SrgrnUpscaler().setTileFeatures("disk").settings())
                .hasMessageContaining("expected recompute, spill or host");

        // what the folder job sets comes back unchanged, also through a copy
        for (MemorySettings m :
                new MemorySettings[] {
                    MemorySettings.DEFAULT,
                    MemorySettings.choose(8, null, null, 0, Retention.SPILL),
                    MemorySettings.choose(32, null, 4, 0, null),
                    MemorySettings.choose(0, null, null, 3L << 30, Retention.HOST)
                }) {
            SrgrnUpscaler u = new SrgrnUpscaler().setTile(64).setTileOverlap(2).setMemory(m);
            assertThat(u.settings().memory()).as(m.toString()).isEqualTo(m);
            assertThat(u.copy(new ParamMap()).settings().memory()).isEqualTo(m);
        }
    }

    @Test
    void theSubmitArgumentsGiveWhatTheSameCommandLineGives() {
        assertThat(memory("--tile", "8")).isEqualTo(MemorySettings.choose(8, null, null, 0, null));
        assertThat(memory("--tile", "32", "--tile-mode", "fast", "--tile-overlap", "4").tiling())
                .isEqualTo(new Tiling(32, 4));
        assertThat(memory("--max-memory", "1500m", "--tile-features", "spill"))
                .isEqualTo(new MemorySettings(0, null, 0, 1500L << 20, Retention.SPILL));
        assertThatThrownBy(() -> memory("--max-memory", "2g", "--tile", "16"))
                .hasMessageContaining("--max-memory chooses the tiles itself");
        assertThatThrownBy(
                        () -> memory("--tile", "16", "--tile-mode", "exact", "--tile-overlap", "4"))
                .hasMessageContaining("--tile-overlap is for --tile-mode fast");
    }

    @Test
    void theSettingsTravelAndKeyTheCacheWithTheMemoryChoice() throws Exception {
        ModelSettings exact =
                new ModelSettings(
                        null, null, 2, null, 1, MemorySettings.choose(8, null, null, 0, null));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(exact);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(exact);
        }
        assertThat(exact)
                .isNotEqualTo(
                        new ModelSettings(
                                null,
                                null,
                                2,
                                null,
                                1,
                                MemorySettings.choose(8, null, null, 0, Retention.SPILL)));
        assertThat(new ModelSettings(null, null, 2, null, 1, null))
                .isEqualTo(new ModelSettings("", "", 2, "", 1, MemorySettings.DEFAULT));
        assertThat(exact.describe()).endsWith(", exact tiles of 8 LR px");
    }

    private static MemorySettings memory(String... memoryArgs) {
        String[] args = new String[memoryArgs.length + 4];
        args[0] = "--input";
        args[1] = "in";
        args[2] = "--output";
        args[3] = "out";
        System.arraycopy(memoryArgs, 0, args, 4, memoryArgs.length);
        return SparkUpscale.Arguments.parse(args).options().settings().memory();
    }
}
