package io.srgrn.models;

import io.srgrn.api.models.ModelSource;
import java.io.InputStream;

/**
 * The models of this jar: {@code io/srgrn/models/catalog.json} and the weights files it names, next
 * to it. How each was trained and scored: docs/MODELS.md.
 */
public final class BundledModels implements ModelSource {
    static final String CATALOG = "catalog.json";

    @Override
    public InputStream openCatalog() {
        return BundledModels.class.getResourceAsStream(CATALOG);
    }

    @Override
    public InputStream openWeights(String file) {
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IllegalArgumentException(
                    "model file '" + file + "' must be a plain file name");
        }
        return BundledModels.class.getResourceAsStream(file);
    }
}
