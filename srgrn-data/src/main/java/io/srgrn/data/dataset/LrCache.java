package io.srgrn.data.dataset;

import io.srgrn.data.image.ByteImage;
import io.srgrn.data.image.DecodedImage;
import io.srgrn.data.image.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LR images on disk, so that a degradation runs once per image rather than once per run. An entry
 * is addressed by a SHA-256 over the cache format version, the SHA-256 of the HR file's bytes, the
 * degradation's full key (including a per-image noise seed) and the channel layout: a changed
 * source file or degradation gives a different address, so a stale entry is never served. Entries
 * are 8-bit PNGs under {@code <dir>/v<VERSION>/<degradation>/<id>-<hash>.png}, written atomically;
 * superseded entries for the same image are removed when a new one is written, and an unreadable
 * entry is rebuilt.
 */
public final class LrCache {

    /** Bump when the cache's content or layout changes meaning (old entries are then ignored). */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(LrCache.class);
    private static final int HASH_HEX = 32;

    /** Makes the LR image on a miss. */
    @FunctionalInterface
    public interface Builder {
        ByteImage build() throws IOException;
    }

    private final Path dir;

    public LrCache(Path dir) {
        this.dir = dir.toAbsolutePath().resolve("v" + VERSION);
    }

    /** The versioned folder entries live in. */
    public Path directory() {
        return dir;
    }

    /**
     * The cached LR image for {@code (hrFile, degradationKey, layout)}, building and storing it on
     * a miss. {@code layout} names the channel policy (e.g. {@code rgb}, {@code grey}).
     */
    public ByteImage getOrBuild(
            String id, Path hrFile, String degradationKey, String layout, Builder builder)
            throws IOException {
        Path entry = entryPath(id, hrFile, degradationKey, layout);
        if (Files.isRegularFile(entry)) {
            try {
                ByteImage cached = ImageFiles.read(entry).color8();
                LOG.debug("LR cache hit {}", entry);
                return cached;
            } catch (IOException e) {
                LOG.warn(
                        "LR cache entry {} is unreadable ({}); rebuilding it",
                        entry,
                        e.getMessage());
            }
        }
        ByteImage lr = builder.build();
        ImageFiles.write(entry, DecodedImage.of(lr.toPlanar()));
        removeSuperseded(entry, id);
        LOG.debug("LR cache stored {}", entry);
        return lr;
    }

    /** Where the entry for these inputs lives (whether or not it exists yet). */
    public Path entryPath(String id, Path hrFile, String degradationKey, String layout)
            throws IOException {
        MessageDigest key = sha256();
        key.update(
                ("srgrn-lr-cache v" + VERSION + "\n" + degradationKey + "\n" + layout + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        key.update(fileHash(hrFile));
        String hash = HexFormat.of().formatHex(key.digest()).substring(0, HASH_HEX);
        return dir.resolve(safe(degradationKey)).resolve(safe(id) + "-" + hash + ".png");
    }

    private void removeSuperseded(Path keep, String id) {
        String prefix = safe(id) + "-";
        try (DirectoryStream<Path> siblings =
                Files.newDirectoryStream(keep.getParent(), prefix + "*.png")) {
            for (Path p : siblings) {
                String rest = p.getFileName().toString().substring(prefix.length());
                if (!p.equals(keep) && rest.length() == HASH_HEX + 4) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.debug(
                    "could not remove superseded LR cache entries for {}: {}", id, e.getMessage());
        }
    }

    private static byte[] fileHash(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
