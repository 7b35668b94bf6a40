package io.srgrn.api.models;

import java.io.IOException;
import java.io.InputStream;

/**
 * A collection of trained models on the class path, found with {@link java.util.ServiceLoader}:
 * {@code srgrn-models} is one. It only opens bytes; {@link Models} reads and checks them.
 */
public interface ModelSource {

    /** The catalogue: JSON as described in {@link ModelCatalog}. */
    InputStream openCatalog() throws IOException;

    /** A weights file (safetensors) named by the catalogue's {@code file} field. */
    InputStream openWeights(String file) throws IOException;
}
