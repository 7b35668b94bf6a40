package io.srgrn.data.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srgrn.data.dataset.DataRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the shared datasets for tests; a missing folder skips the test with the reason. */
public final class TestData {

    private TestData() {}

    /** The folder {@code relative} under the data root, or a skipped test saying why. */
    public static Path require(String relative) {
        Optional<Path> root = DataRoot.find();
        assumeTrue(root.isPresent(), () -> DataRoot.missingReason("this test"));
        Path dir = root.get().resolve(relative);
        assumeTrue(
                Files.isDirectory(dir),
                () -> "data folder " + dir + " is absent under the data root " + root.get());
        return dir;
    }
}
