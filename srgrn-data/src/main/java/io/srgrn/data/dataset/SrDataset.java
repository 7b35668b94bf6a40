package io.srgrn.data.dataset;

import java.util.List;

/** A named, ordered list of HR images (with optional ready-made LR files). */
public interface SrDataset {

    String name();

    List<ImageEntry> entries();

    default int size() {
        return entries().size();
    }
}
