package io.srgrn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where outputs go, and one image's failure as a result rather than an exception (no Spark needed).
 */
class SparkLayoutTest {
    private final OutputLayout layout = new OutputLayout("/data/in", "/data/out", null);

    @Test
    void keepsThePathRelativeToTheInputFolder() {
        assertThat(layout.outputFor("file:/data/in/a/b.png"))
                .contains(Path.of("/data/out/a/b.png"));
        assertThat(layout.outputFor("file:///data/in/c.JPG")).contains(Path.of("/data/out/c.JPG"));
        assertThat(layout.outputFor("file:/data/in/with space.png"))
                .contains(Path.of("/data/out/with space.png"));
        assertThat(
                        new OutputLayout("/data/in", "/data/out", "png")
                                .outputFor("hdfs://nn:8020/data/in/x/y.jpg"))
                .contains(Path.of("/data/out/x/y.png"));
    }

    @Test
    void leavesOutWhatIsNotAnInputImage() {
        assertThat(layout.outputFor("file:/data/in/notes.txt")).isEmpty();
        assertThat(layout.outputFor("file:/data/other/x.png")).isEmpty();
        assertThat(new OutputLayout("/data", "/data/out", null).outputFor("file:/data/out/x.png"))
                .as("earlier outputs inside the input folder")
                .isEqualTo(Optional.empty());
    }

    @Test
    void aBadImageIsAResultWithTheReason() {
        UpscaleResult r =
                ImageUpscale.run(null, "file:/x/garbage.png", new byte[] {1, 2, 3}, "png");
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("garbage.png");
        assertThat(
                        ImageUpscale.run(
                                        null,
                                        "file:/x/a.gif",
                                        new byte[] {1},
                                        ImageUpscale.SAME_AS_INPUT)
                                .error())
                .contains("gif");
        assertThat(ImageUpscale.run(null, "file:/x/a.png", null, "png").error())
                .contains("no content");
    }
}
