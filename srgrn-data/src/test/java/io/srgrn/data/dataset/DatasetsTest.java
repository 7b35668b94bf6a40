package io.srgrn.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.data.degrade.Degradation;
import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir Path root;

    static ByteImage image(int c, int h, int w, int seed) {
        ByteImage img = ByteImage.zeros(c, h, w);
        for (int i = 0; i < img.data().length; i++) {
            img.data()[i] = (byte) ((i * 13 + seed * 71 + (i / w) * 5) & 0xFF);
        }
        return img;
    }

    static void write(Path file, ByteImage img) throws IOException {
        ImageFiles.write(file, DecodedImage.of(img.toPlanar()));
    }

    @Test
    void benchmarkFolderListsImagesInNameOrder() throws IOException {
        Path hr = root.resolve("Set5/HR");
        write(hr.resolve("woman.png"), image(3, 8, 8, 1));
        write(hr.resolve("baby.png"), image(3, 8, 8, 2));
        write(hr.resolve("bird.bmp"), image(3, 8, 8, 3));
        Files.writeString(hr.resolve("README.txt"), "not an image");
        BenchmarkSet set = BenchmarkSet.open(root, "Set5");
        assertThat(set.name()).isEqualTo("Set5");
        assertThat(set.entries())
                .extracting(ImageEntry::id)
                .containsExactly("baby", "bird", "woman");
        assertThat(set.entries().get(0).officialLr()).isEmpty();
    }

    @Test
    void benchmarkFolderWithoutHrSubfolderAndEmptyFolder() throws IOException {
        write(root.resolve("Mine/a.png"), image(1, 4, 4, 0));
        assertThat(BenchmarkSet.open(root, "Mine").entries())
                .extracting(ImageEntry::id)
                .containsExactly("a");
        Files.createDirectories(root.resolve("Empty/HR"));
        assertThatThrownBy(() -> BenchmarkSet.open(root, "Empty"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Empty");
        assertThatThrownBy(() -> BenchmarkSet.open(root, "Absent"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Absent");
    }

    @Test
    void div2kLayoutWithAndWithoutOfficialLr() throws IOException {
        write(root.resolve("DIV2K_train_HR/0001.png"), image(3, 16, 12, 1));
        write(root.resolve("DIV2K_train_HR/0002.png"), image(3, 16, 12, 2));
        write(root.resolve("DIV2K_train_HR/0900.png"), image(3, 16, 12, 3));
        write(root.resolve("DIV2K_train_LR_bicubic/X4/0001x4.png"), image(3, 4, 3, 9));
        Div2kDataset ds = Div2kDataset.open(root, Div2kDataset.Split.TRAIN, 1, 800, 4);
        assertThat(ds.entries()).extracting(ImageEntry::id).containsExactly("0001", "0002");
        assertThat(ds.entries().get(0).officialLr())
                .contains(root.resolve("DIV2K_train_LR_bicubic/X4/0001x4.png"));
        assertThat(ds.entries().get(1).officialLr()).isEmpty();
        assertThat(
                        Div2kDataset.open(root, Div2kDataset.Split.TRAIN, 1, 800, 0)
                                .entries()
                                .get(0)
                                .officialLr())
                .isEmpty();
        assertThatThrownBy(() -> Div2kDataset.open(root, Div2kDataset.Split.VALID, 801, 900, 4))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("DIV2K_valid_HR");
    }

    @Test
    void pairLoaderUsesOfficialLrForBiOnlyAndModCrops() throws IOException {
        ByteImage official = image(3, 4, 3, 9);
        write(root.resolve("DIV2K_train_HR/0001.png"), image(3, 17, 14, 1));
        write(root.resolve("DIV2K_train_LR_bicubic/X4/0001x4.png"), official);
        ImageEntry e = Div2kDataset.open(root, Div2kDataset.Split.TRAIN, 1, 1, 4).entries().get(0);

        HrLrPair bi = PairLoader.of(Degradation.bi(4)).load(e);
        assertThat(bi.lr()).isEqualTo(official);
        assertThat(bi.hr()).isEqualTo(image(3, 17, 14, 1).crop(0, 0, 16, 12));

        HrLrPair generated = new PairLoader(Degradation.bi(4), null, false, false).load(e);
        assertThat(generated.lr()).isEqualTo(Degradation.bi(4).apply(image(3, 17, 14, 1)));

        HrLrPair bd = PairLoader.of(Degradation.bd()).load(e);
        assertThat(bd.hr().height()).isEqualTo(15);
        assertThat(bd.lr()).isEqualTo(Degradation.bd().apply(image(3, 17, 14, 1)));
    }

    @Test
    void officialLrOfTheWrongSizeIsRejected() throws IOException {
        write(root.resolve("DIV2K_train_HR/0001.png"), image(3, 16, 12, 1));
        write(root.resolve("DIV2K_train_LR_bicubic/X4/0001x4.png"), image(3, 3, 3, 9));
        ImageEntry e = Div2kDataset.open(root, Div2kDataset.Split.TRAIN, 1, 1, 4).entries().get(0);
        assertThatThrownBy(() -> PairLoader.of(Degradation.bi(4)).load(e))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("0001x4.png")
                .hasMessageContaining("0001.png");
    }

    @Test
    void greyImagesAreReplicatedUnlessKept() throws IOException {
        write(root.resolve("S/HR/g.png"), image(1, 12, 12, 4));
        ImageEntry e = BenchmarkSet.open(root, "S").entries().get(0);
        HrLrPair rgb = PairLoader.of(Degradation.bi(3)).load(e);
        assertThat(rgb.hr().channels()).isEqualTo(3);
        assertThat(rgb.lr().channels()).isEqualTo(3);
        assertThat(rgb.lr().isGreyscaleContent()).isTrue();
        HrLrPair grey = new PairLoader(Degradation.bi(3), null, true, true).load(e);
        assertThat(grey.lr().channels()).isEqualTo(1);
        assertThat(grey.lr()).isEqualTo(rgb.lr().channel(0));
    }

    @Test
    void lrCacheBuildsOnceAndNeverServesAStaleEntry() throws IOException {
        Path hr = root.resolve("S/HR/a.png");
        write(hr, image(3, 12, 12, 1));
        LrCache cache = new LrCache(root.resolve("cache"));
        int[] builds = {0};
        LrCache.Builder builder =
                () -> {
                    builds[0]++;
                    return Degradation.bi(3).apply(ImageFiles.read(hr).color8());
                };
        ByteImage first = cache.getOrBuild("a", hr, "BI_x3", "rgb", builder);
        ByteImage second = cache.getOrBuild("a", hr, "BI_x3", "rgb", builder);
        assertThat(builds[0]).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        Path entry = cache.entryPath("a", hr, "BI_x3", "rgb");
        assertThat(entry)
                .exists()
                .startsWith(root.resolve("cache").toAbsolutePath().resolve("v" + LrCache.VERSION));

        // Another degradation or channel layout is another entry.
        assertThat(cache.entryPath("a", hr, "BI_x2", "rgb")).isNotEqualTo(entry);
        assertThat(cache.entryPath("a", hr, "BI_x3", "grey")).isNotEqualTo(entry);

        // Changed source content (same name, same size): rebuilt, and the superseded entry removed.
        write(hr, image(3, 12, 12, 2));
        ByteImage third = cache.getOrBuild("a", hr, "BI_x3", "rgb", builder);
        assertThat(builds[0]).isEqualTo(2);
        assertThat(third)
                .isEqualTo(Degradation.bi(3).apply(image(3, 12, 12, 2)))
                .isNotEqualTo(first);
        assertThat(entry).doesNotExist();

        // A damaged entry is rebuilt rather than failing or being served.
        Path current = cache.entryPath("a", hr, "BI_x3", "rgb");
        byte[] bytes = Files.readAllBytes(current);
        Files.write(current, Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(cache.getOrBuild("a", hr, "BI_x3", "rgb", builder)).isEqualTo(third);
        assertThat(builds[0]).isEqualTo(3);
    }

    @Test
    void pairLoaderWithCacheMatchesOnTheFlyAndKeysNoiseByImage() throws IOException {
        write(root.resolve("S/HR/a.png"), image(3, 12, 12, 1));
        write(root.resolve("S/HR/b.png"), image(3, 12, 12, 1));
        BenchmarkSet set = BenchmarkSet.open(root, "S");
        LrCache cache = new LrCache(root.resolve("cache"));
        PairLoader cached = new PairLoader(Degradation.dn(3), cache, false, true);
        List<HrLrPair> first = cached.loadAll(set);
        List<HrLrPair> again = cached.loadAll(set);
        List<HrLrPair> fresh = PairLoader.of(Degradation.dn(3)).loadAll(set);
        for (int i = 0; i < 2; i++) {
            assertThat(again.get(i).lr()).isEqualTo(first.get(i).lr()).isEqualTo(fresh.get(i).lr());
        }
        // Same pixels, different names: different noise.
        assertThat(first.get(0).lr()).isNotEqualTo(first.get(1).lr());
    }
}
