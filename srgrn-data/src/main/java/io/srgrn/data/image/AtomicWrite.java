package io.srgrn.data.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a partial
 * file: the bytes go to a temporary file in the same directory, are forced to disk, and the
 * temporary file is then moved over the target ({@link StandardCopyOption#ATOMIC_MOVE} where the
 * file system has it). A crash mid-write leaves at most a stray temporary file, which the next
 * write of the same target removes.
 *
 * <p>The new file gets the permissions a plain write would give it: those of the file it replaces,
 * or for a new file the default of the process's umask (the temporary file is created as an
 * ordinary file, not with {@code Files.createTempFile}, whose files are always private, 0600).
 */
public final class AtomicWrite {
    private static final String TMP_SUFFIX = ".tmp";

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {}

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemporaries(absolute);
        Path tmp =
                dir.resolve(
                        tmpPrefix(absolute)
                                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                                + TMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel ch =
                            FileChannel.open(
                                    tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(
                        tmp,
                        absolute,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes {@code bytes} as {@link #write(Path, Content)} does. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    private static String tmpPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /** An overwritten file keeps its mode, as it would with a plain write. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = view.readAttributes().permissions();
            Files.setPosixFilePermissions(tmp, mode);
        } catch (NoSuchFileException e) {
            // a new file: the umask's default stays
        }
    }

    /**
     * Removes the temporary files of earlier writes of {@code target} that a killed process left
     * (named {@code .<name>.<random>.tmp}, or {@code .<name><digits>.tmp} by older versions). Every
     * write does this first; a program that resumes work in a folder (training) calls it at once
     * rather than wait for the next write of each file. Nothing happens when the folder is absent.
     */
    public static void removeStaleTemporaries(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            return;
        }
        String name = "." + absolute.getFileName();
        try (DirectoryStream<Path> stale =
                Files.newDirectoryStream(
                        absolute.getParent(),
                        p -> isTemporaryOf(p.getFileName().toString(), name))) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isTemporaryOf(String file, String name) {
        if (!file.startsWith(name) || !file.endsWith(TMP_SUFFIX)) {
            return false;
        }
        String middle = file.substring(name.length(), file.length() - TMP_SUFFIX.length());
        return middle.matches("\\.?[0-9a-z]+");
    }
}
