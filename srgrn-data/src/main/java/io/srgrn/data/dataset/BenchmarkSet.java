package io.srgrn.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark folder of HR images as SR papers use them: {@code <root>/Set5/HR/*.png} (or the
 * images directly in {@code <root>/Set5/}), any of PNG/JPEG/BMP/TIFF, in file-name order.
 */
public final class BenchmarkSet implements SrDataset {

    private final String name;
    private final List<ImageEntry> entries;

    private BenchmarkSet(String name, List<ImageEntry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Opens {@code <root>/<name>/HR}, or {@code <root>/<name>} when it has no HR subfolder. */
    public static BenchmarkSet open(Path root, String name) throws IOException {
        Path dir = root.resolve(name);
        Path hr = dir.resolve("HR");
        return openFolder(name, Files.isDirectory(hr) ? hr : dir);
    }

    /** Opens the set {@code name} under the configured data root ({@link DataRoot}). */
    public static BenchmarkSet open(String name) throws IOException {
        return open(DataRoot.require(), name);
    }

    /** A set made of every image file of one folder. */
    public static BenchmarkSet openFolder(String name, Path folder) throws IOException {
        List<ImageEntry> entries = new ArrayList<>();
        for (Path p : ImageFolders.list(folder)) {
            entries.add(new ImageEntry(ImageFolders.stem(p), p, null));
        }
        if (entries.isEmpty()) {
            throw new IOException(
                    "benchmark set '" + name + "': no PNG/JPEG/BMP/TIFF images in " + folder);
        }
        return new BenchmarkSet(name, entries);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ImageEntry> entries() {
        return entries;
    }
}
