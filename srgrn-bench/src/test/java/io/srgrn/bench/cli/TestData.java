package io.srgrn.bench.cli;

import io.srgrn.data.dataset.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SR datasets for tests: {@link DataRoot}'s setting, where a relative path (the README's
 * {@code SRGRN_DATA=../shared/data}) is taken from the checkout root that surefire passes as
 * {@code srgrn.root}, not from the module folder the test JVM runs in.
 */
final class TestData {
    private TestData() {}

    static Optional<Path> root() {
        Optional<Path> configured = DataRoot.configured();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Path p = configured.get();
        String checkout = System.getProperty("srgrn.root");
        if (!p.isAbsolute() && !Files.isDirectory(p) && checkout != null && !checkout.isBlank() && !checkout.contains("${")) {
            p = Path.of(checkout).resolve(p).normalize();
        }
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    static Optional<Path> rootWith(String name) {
        return root().filter(r -> Files.isDirectory(r.resolve(name)));
    }
}
