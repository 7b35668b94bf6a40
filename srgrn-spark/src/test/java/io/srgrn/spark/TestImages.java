package io.srgrn.spark;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.srgrn.data.dataset.DataRoot;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Set14 as the tests use it: each image's central {@value #CROP}x{@value #CROP} pixels (so that a
 * test upscales all 14 on two busy CPU cores in seconds, not minutes), a few of them in a
 * sub-folder to check relative paths, plus {@code broken.png}, a truncated PNG.
 */
final class TestImages {
    static final int CROP = 64;
    static final String BROKEN = "broken.png";

    private TestImages() {}

    /**
     * Writes the crops and the broken file into {@code dir}; skips the test when Set14 is absent.
     */
    static List<Path> set14WithBroken(Path dir) throws IOException {
        Path set14 =
                DataRoot.find()
                        .map(r -> r.resolve("Set14").resolve("HR"))
                        .filter(Files::isDirectory)
                        .orElse(null);
        assumeThat(set14).as(DataRoot.missingReason("Set14")).isNotNull();
        List<Path> written = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> s = Files.list(set14)) {
            sources = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        for (int i = 0; i < sources.size(); i++) {
            DecodedImage full = ImageFiles.read(sources.get(i));
            int top = (full.height() - CROP) / 2;
            int left = (full.width() - CROP) / 2;
            DecodedImage crop =
                    new DecodedImage(
                            full.color().crop(top, left, CROP, CROP), null, full.bitDepth());
            Path target =
                    (i % 3 == 0 ? dir.resolve("sub") : dir).resolve(sources.get(i).getFileName());
            Files.createDirectories(target.getParent());
            ImageFiles.write(target, crop);
            written.add(target);
        }
        byte[] png = Files.readAllBytes(written.get(0));
        Files.write(dir.resolve(BROKEN), java.util.Arrays.copyOf(png, 120));
        return written;
    }
}
