package io.srgrn.backend.jcuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the NVIDIA libraries as files, without loading them (availability must not load natives).
 *
 * <p>Where it looks, in order: the folders of the system property {@value #PATH_PROPERTY} or the
 * environment variable {@value #PATH_ENV} (a path list; each folder is searched down to {@value
 * #SEARCH_DEPTH} levels, so a pip {@code site-packages/nvidia} folder works as it is), then {@code
 * LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf.d}, and the usual system and CUDA
 * folders. Libraries found in the first group are loaded by absolute path before JavaCPP's wrappers
 * ({@link CudaRuntime}), so they need not be on the dynamic linker's path.
 */
final class LibraryLocator {
    static final String PATH_PROPERTY = "srgrn.cuda.path";
    static final String PATH_ENV = "SRGRN_CUDA_PATH";
    static final int SEARCH_DEPTH = 4;
    private static final List<String> SYSTEM_FOLDERS =
            List.of(
                    "/usr/lib/x86_64-linux-gnu",
                    "/lib/x86_64-linux-gnu",
                    "/usr/lib64",
                    "/usr/lib",
                    "/usr/local/cuda/lib64",
                    "/usr/local/cuda/targets/x86_64-linux/lib",
                    "/usr/local/cuda-13/lib64",
                    "/usr/lib/wsl/lib");

    private final List<Path> userFolders;
    private final List<Path> systemFolders;

    LibraryLocator(List<Path> userFolders, List<Path> systemFolders) {
        this.userFolders = List.copyOf(userFolders);
        this.systemFolders = List.copyOf(systemFolders);
    }

    /**
     * The folders of this process: the property or environment variable, then the linker's and
     * system folders.
     */
    static LibraryLocator fromEnvironment() {
        String user = System.getProperty(PATH_PROPERTY);
        if (user == null || user.isBlank()) {
            user = System.getenv(PATH_ENV);
        }
        List<Path> system = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            system.addAll(split(ld));
        }
        system.addAll(ldSoConfFolders());
        SYSTEM_FOLDERS.forEach(f -> system.add(Path.of(f)));
        return new LibraryLocator(user == null ? List.of() : split(user), system);
    }

    static List<Path> split(String pathList) {
        List<Path> out = new ArrayList<>();
        for (String s : pathList.split(java.io.File.pathSeparator)) {
            if (!s.isBlank()) {
                out.add(Path.of(s.trim()));
            }
        }
        return out;
    }

    /**
     * The folders listed in /etc/ld.so.conf.d/*.conf (where the NVIDIA driver's packages register
     * theirs).
     */
    private static List<Path> ldSoConfFolders() {
        Path dir = Path.of("/etc/ld.so.conf.d");
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> confs = Files.list(dir)) {
            for (Path conf : confs.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
                for (String line : Files.readAllLines(conf)) {
                    String l = line.trim();
                    if (l.startsWith("/")) {
                        out.add(Path.of(l));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable configuration: the fixed folders remain
        }
        return out;
    }

    /** Where each library is, or nothing: every library of {@link CudaLibrary}. */
    Map<CudaLibrary, Optional<Path>> locateAll() {
        Map<CudaLibrary, Optional<Path>> out = new EnumMap<>(CudaLibrary.class);
        for (CudaLibrary lib : CudaLibrary.values()) {
            out.put(lib, locate(lib.file()));
        }
        return out;
    }

    /**
     * The first file named {@code fileName} in the user folders (searched in depth), then the
     * system folders.
     */
    Optional<Path> locate(String fileName) {
        for (Path folder : userFolders) {
            Optional<Path> found = search(folder, fileName, SEARCH_DEPTH);
            if (found.isPresent()) {
                return found;
            }
        }
        for (Path folder : systemFolders) {
            Path p = folder.resolve(fileName);
            if (Files.isRegularFile(p) || Files.isSymbolicLink(p) && Files.exists(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * Every file in the user folders whose name starts with {@code prefix} (e.g. cuDNN's
     * sub-libraries).
     */
    List<Path> userFilesStartingWith(String prefix) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path folder : userFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(folder, SEARCH_DEPTH)) {
                s.filter(
                                p ->
                                        p.getFileName().toString().startsWith(prefix)
                                                && Files.isRegularFile(p))
                        .sorted()
                        .forEach(p -> out.add(p.toAbsolutePath()));
            } catch (IOException | RuntimeException e) {
                // an unreadable folder holds nothing we can load
            }
        }
        return List.copyOf(out);
    }

    private static Optional<Path> search(Path folder, String fileName, int depth) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(folder, depth)) {
            return s.filter(p -> p.getFileName().toString().equals(fileName) && Files.exists(p))
                    .sorted()
                    .findFirst()
                    .map(Path::toAbsolutePath);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a library was found in a user folder (then it is preloaded by absolute path). */
    boolean inUserFolders(Path p) {
        return userFolders.stream().anyMatch(f -> p.startsWith(f.toAbsolutePath()));
    }
}
