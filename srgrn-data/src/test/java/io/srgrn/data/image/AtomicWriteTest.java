package io.srgrn.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "file modes are POSIX");
    }

    /** Issue 11: every written file was 0600 whatever the umask (Files.createTempFile). */
    @Test
    void aNewFileGetsTheModeOfAPlainWrite() throws IOException {
        Path plain = Files.write(dir.resolve("plain.bin"), new byte[] {1});
        Path atomic = dir.resolve("atomic.bin");
        AtomicWrite.write(atomic, new byte[] {2});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        assertThat(Files.readAllBytes(atomic)).containsExactly(2);
    }

    @Test
    void anOverwrittenFileKeepsItsMode() throws IOException {
        Path target = Files.write(dir.resolve("kept.bin"), new byte[] {1});
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWrite.write(target, new byte[] {3});
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r-----");
        assertThat(Files.readAllBytes(target)).containsExactly(3);
    }

    /** Issue 11: a kill mid-write left 68 MB temporary checkpoints that nothing removed. */
    @Test
    void temporariesOfEarlierKilledWritesAreRemovedAndAFailedWriteLeavesNone() throws IOException {
        Path target = dir.resolve("checkpoint.safetensors");
        Files.write(dir.resolve(".checkpoint.safetensors1234567.tmp"), new byte[10]);
        Files.write(dir.resolve(".checkpoint.safetensors.k3x9.tmp"), new byte[10]);
        Path unrelated = Files.write(dir.resolve(".other.safetensors.k3x9.tmp"), new byte[10]);
        AtomicWrite.write(target, new byte[] {4});
        assertThatThrownBy(
                        () ->
                                AtomicWrite.write(
                                        target,
                                        out -> {
                                            out.write(5);
                                            throw new IOException("disk full");
                                        }))
                .hasMessageContaining("disk full");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "checkpoint.safetensors", unrelated.getFileName().toString());
        }
        assertThat(Files.readAllBytes(target)).containsExactly(4);
    }

    /**
     * Training calls this when a run folder is resumed, so a killed run's 68 MB temporaries go at
     * once.
     */
    @Test
    void staleTemporariesCanBeRemovedWithoutWritingAndAMissingFolderIsNoError() throws IOException {
        Files.write(dir.resolve(".checkpoint.safetensors.k3x9.tmp"), new byte[10]);
        Path kept = Files.write(dir.resolve("checkpoint.safetensors"), new byte[] {7});
        AtomicWrite.removeStaleTemporaries(kept);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("checkpoint.safetensors");
        }
        AtomicWrite.removeStaleTemporaries(dir.resolve("absent").resolve("checkpoint.safetensors"));
        assertThat(dir.resolve("absent")).doesNotExist();
    }
}
