package io.srgrn.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where and from what a result was made: the machine and the source revision, for a model's
 * metadata.
 */
final class Provenance {
    private Provenance() {}

    /** e.g. "AMD EPYC, 2 cores, Linux 6.1, Java 17.0.15". */
    static String machine() {
        return cpuModel()
                + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, "
                + System.getProperty("os.name")
                + " "
                + System.getProperty("os.version")
                + ", Java "
                + System.getProperty("java.version");
    }

    /**
     * The checkout's commit (with "+changes" when the tree differs from it), or "unknown" outside a
     * git checkout.
     */
    static String gitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "+changes";
    }

    private static String cpuModel() {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the architecture is all there is
        }
        return System.getProperty("os.arch");
    }

    private static String git(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out =
                    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
