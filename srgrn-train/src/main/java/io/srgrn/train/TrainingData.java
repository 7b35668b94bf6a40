package io.srgrn.train;

import io.srgrn.data.dataset.BenchmarkSet;
import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.dataset.ImageEntry;
import io.srgrn.data.dataset.LrCache;
import io.srgrn.data.dataset.PairLoader;
import io.srgrn.data.dataset.SrDataset;
import io.srgrn.data.degrade.Degradation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's training images: the folders' images in order, the hold-out split, and the HR/LR pairs
 * that can be trained on. One bad image must not cost a day's run: an image that cannot be read or
 * degraded (corrupt, truncated, smaller than the scale) is named with its reason and left out, as
 * is one whose LR image is smaller than a patch; only when nothing usable is left does loading
 * fail.
 *
 * @param pairs what the sampler draws patches from
 * @param heldOut the images set aside for validation (empty without a hold-out)
 * @param description the folders and the hold-out, for messages and the weights' provenance
 */
record TrainingData(List<HrLrPair> pairs, List<ImageEntry> heldOut, String description) {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

    /** A list of images as a dataset. */
    record Images(String name, List<ImageEntry> entries) implements SrDataset {}

    static TrainingData load(
            RunSettings settings, Degradation degradation, Path lrCache, Consumer<String> notes)
            throws IOException {
        List<ImageEntry> images = new ArrayList<>();
        List<String> folderNames = new ArrayList<>();
        for (Path dir : settings.dataFolders()) {
            if (!Files.isDirectory(dir)) {
                throw new RunSetupException(
                        "training data folder "
                                + dir
                                + (Files.exists(dir) ? " is not a folder" : " does not exist"));
            }
            BenchmarkSet set = openFolder(dir);
            images.addAll(set.entries());
            folderNames.add(set.name() + " (" + set.size() + " images)");
        }
        Holdout split = Holdout.split(images, settings.holdout());
        String description =
                String.join(" + ", folderNames)
                        + (split.validation().isEmpty()
                                ? ""
                                : ", " + split.validation().size() + " held out for validation");
        notes.accept(
                "degrading "
                        + split.train().size()
                        + " training image(s) from "
                        + description
                        + " ("
                        + degradation.key()
                        + ") ...");
        PairLoader loader =
                new PairLoader(
                        degradation, lrCache == null ? null : new LrCache(lrCache), false, false);
        List<HrLrPair> pairs = readable(loader, split.train(), notes);
        return new TrainingData(usable(pairs, settings, notes), split.validation(), description);
    }

    /** A folder of images, or a set folder with {@code HR/}. */
    static BenchmarkSet openFolder(Path dir) {
        Path hr = dir.resolve("HR");
        Path folder = Files.isDirectory(hr) ? hr : dir;
        try {
            return BenchmarkSet.openFolder(
                    dir.getFileName() == null ? "train" : dir.getFileName().toString(), folder);
        } catch (IOException e) {
            throw new RunSetupException(describe(dir, e));
        }
    }

    /** The pairs of the images that load; the others are named, with their reason, and left out. */
    private static List<HrLrPair> readable(
            PairLoader loader, List<ImageEntry> entries, Consumer<String> notes) {
        List<HrLrPair> pairs = new ArrayList<>(entries.size());
        List<String> failed = new ArrayList<>();
        for (ImageEntry e : entries) {
            try {
                pairs.add(loader.load(e));
            } catch (IOException
                    | UncheckedIOException
                    | IllegalArgumentException
                    | IllegalStateException ex) {
                String reason = describe(e.hrFile(), ex);
                LOG.warn("training image left out: {}", reason);
                failed.add(reason);
            }
        }
        if (pairs.isEmpty() && !failed.isEmpty()) {
            throw new RunSetupException(
                    "none of the "
                            + entries.size()
                            + " training images can be used: "
                            + String.join("; ", failed));
        }
        if (!failed.isEmpty()) {
            notes.accept(
                    failed.size()
                            + " of "
                            + entries.size()
                            + " training images cannot be used and are left out: "
                            + String.join("; ", failed));
        }
        LOG.info("loaded {} {} training pairs", pairs.size(), loader.degradation().key());
        return pairs;
    }

    /**
     * The pairs whose LR image holds a whole patch. Small images (T91 has 78x78 ones, 19x19 at x4)
     * are left out by name rather than failing the run; none left is a setup error.
     */
    private static List<HrLrPair> usable(
            List<HrLrPair> pairs, RunSettings settings, Consumer<String> notes) {
        int p = settings.patch();
        List<HrLrPair> usable =
                pairs.stream().filter(x -> x.lr().height() >= p && x.lr().width() >= p).toList();
        List<String> small =
                pairs.stream()
                        .filter(x -> !usable.contains(x))
                        .map(x -> x.id() + " (" + x.lr().width() + "x" + x.lr().height() + ")")
                        .toList();
        String what =
                "smaller than the " + p + "x" + p + " patch at x" + settings.scale() + " (LR size)";
        if (usable.isEmpty()) {
            throw new RunSetupException(
                    "all "
                            + pairs.size()
                            + " training images are "
                            + what
                            + ": "
                            + String.join(", ", small)
                            + "; choose a smaller --patch");
        }
        if (!small.isEmpty()) {
            notes.accept(
                    small.size()
                            + " of "
                            + pairs.size()
                            + " training images are "
                            + what
                            + " and are left out: "
                            + String.join(", ", small));
        }
        return usable;
    }

    /** "FILE: reason", without repeating the file when the reason already names it. */
    static String describe(Path file, Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String msg =
                t.getMessage() == null || t.getMessage().isBlank()
                        ? t.getClass().getSimpleName()
                        : t.getMessage();
        return msg.contains(file.toString()) ? msg : file + ": " + msg;
    }
}
