package io.srgrn.data.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DIV2K as distributed: {@code DIV2K_train_HR/0001.png} ... (or {@code DIV2K_valid_HR/0801.png}),
 * with the official bicubic LR images {@code DIV2K_train_LR_bicubic/X4/0001x4.png} used when
 * present. The paper trains on 0001-0800.
 */
public final class Div2kDataset implements SrDataset {

    /** The two published splits. */
    public enum Split {
        TRAIN("train"),
        VALID("valid");

        private final String folder;

        Split(String folder) {
            this.folder = folder;
        }
    }

    private final String name;
    private final List<ImageEntry> entries;

    private Div2kDataset(String name, List<ImageEntry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /**
     * Opens images {@code first..last} (inclusive, by number) of a split under {@code root}; {@code
     * lrScale} > 0 attaches {@code DIV2K_<split>_LR_bicubic/X<s>/<id>x<s>.png} where that file
     * exists.
     */
    public static Div2kDataset open(Path root, Split split, int first, int last, int lrScale)
            throws IOException {
        Path hrDir = root.resolve("DIV2K_" + split.folder + "_HR");
        if (!Files.isDirectory(hrDir)) {
            throw new NoSuchFileException(hrDir.toString(), null, "DIV2K HR folder not found");
        }
        Path lrDir =
                lrScale > 0
                        ? root.resolve("DIV2K_" + split.folder + "_LR_bicubic")
                                .resolve("X" + lrScale)
                        : null;
        List<ImageEntry> entries = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            String id = String.format(Locale.ROOT, "%04d", i);
            Path hr = hrDir.resolve(id + ".png");
            if (!Files.isRegularFile(hr)) {
                continue;
            }
            Path lr = lrDir == null ? null : lrDir.resolve(id + "x" + lrScale + ".png");
            entries.add(new ImageEntry(id, hr, lr != null && Files.isRegularFile(lr) ? lr : null));
        }
        if (entries.isEmpty()) {
            throw new IOException("no DIV2K images " + first + ".." + last + " in " + hrDir);
        }
        return new Div2kDataset("DIV2K_" + split.folder + "_" + first + "-" + last, entries);
    }

    /** The paper's training set: DIV2K train 0001-0800 under the configured data root. */
    public static Div2kDataset paperTrainingSet(int lrScale) throws IOException {
        return open(DataRoot.require(), Split.TRAIN, 1, 800, lrScale);
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
