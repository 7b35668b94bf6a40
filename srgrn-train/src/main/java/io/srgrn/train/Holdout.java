package io.srgrn.train;

import io.srgrn.data.dataset.ImageEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training images split into those trained on and a few held out to pick the best checkpoint.
 * Reported benchmark sets (Set5, Set14, B100) must never choose a checkpoint, so a run validates on
 * images of its own training folders that it does not train on.
 *
 * <p>The {@code count} held-out images are spread evenly over the list: image {@code floor((k +
 * 0.5) * size / count)} for {@code k = 0 .. count-1}, so the choice depends only on the folders'
 * contents and order, never on a random draw.
 */
public record Holdout(List<ImageEntry> train, List<ImageEntry> validation) {

    /**
     * Sets {@code count} of {@code all} aside.
     *
     * @throws RunSetupException if {@code count} is not below the number of images, or two images
     *     share a name
     */
    public static Holdout split(List<ImageEntry> all, int count) {
        if (count < 0 || count >= all.size()) {
            throw new RunSetupException(
                    "--holdout "
                            + count
                            + " must be between 0 and "
                            + (all.size() - 1)
                            + " (the training folders hold "
                            + all.size()
                            + " images)");
        }
        requireUniqueIds(all);
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            picked.add((int) Math.floor((k + 0.5) * all.size() / count));
        }
        List<ImageEntry> train = new ArrayList<>();
        List<ImageEntry> validation = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (picked.contains(i) ? validation : train).add(all.get(i));
        }
        return new Holdout(List.copyOf(train), List.copyOf(validation));
    }

    /** Two folders with an image of the same name would make logs and messages ambiguous. */
    private static void requireUniqueIds(List<ImageEntry> all) {
        Map<String, ImageEntry> seen = new HashMap<>();
        for (ImageEntry e : all) {
            ImageEntry before = seen.putIfAbsent(e.id(), e);
            if (before != null) {
                throw new RunSetupException(
                        "training images "
                                + before.hrFile()
                                + " and "
                                + e.hrFile()
                                + " have the same name '"
                                + e.id()
                                + "': rename one or leave one folder out");
            }
        }
    }
}
