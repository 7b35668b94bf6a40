package io.srgrn.data.dataset;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a dataset: its id (file name without extension, e.g. {@code baby} or {@code 0001}),
 * the HR file and, where the dataset ships one, a ready-made LR file ({@code null} otherwise).
 */
public record ImageEntry(String id, Path hrFile, Path lrFile) {

    public ImageEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hrFile, "hrFile");
    }

    public Optional<Path> officialLr() {
        return Optional.ofNullable(lrFile);
    }
}
