package io.srgrn.bench.cli;

import io.srgrn.data.dataset.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The SR datasets for tests ({@link DataRoot} resolves a relative root against the checkout). */
final class TestData {
    private TestData() {}

    static Optional<Path> root() {
        return DataRoot.find();
    }

    static Optional<Path> rootWith(String name) {
        return root().filter(r -> Files.isDirectory(r.resolve(name)));
    }
}
