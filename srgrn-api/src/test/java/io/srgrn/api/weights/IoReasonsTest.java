package io.srgrn.api.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: messages said the path twice ("cannot read weights file X: X"). */
class IoReasonsTest {
    @TempDir Path dir;

    @Test
    void aMissingWeightsFileIsNamedOnceWithTheReason() {
        Path missing = dir.resolve("none.safetensors");
        assertThatThrownBy(() -> Safetensors.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read weights file " + missing + ": no such file or folder");
    }

    @Test
    void aWriteIntoAFileInsteadOfAFolderIsNamedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path target = file.resolve("w.safetensors");
        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + target + ": ")
                .satisfies(
                        e ->
                                assertThat(e.getMessage().indexOf(file.toString()))
                                        .isEqualTo(e.getMessage().lastIndexOf(file.toString())));
    }
}
