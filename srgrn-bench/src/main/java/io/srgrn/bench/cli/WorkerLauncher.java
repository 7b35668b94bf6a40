package io.srgrn.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java main class in a child JVM with this JVM's class path: how {@code srgrn compare}
 * gives each backend a process of its own.
 */
final class WorkerLauncher {
    /** System properties handed down to the child (logging, DJL's offline switch, data roots). */
    private static final List<String> PASSED_PROPERTIES =
            List.of(
                    "ai.djl.offline",
                    "srgrn.data",
                    "org.slf4j.simpleLogger.defaultLogLevel",
                    "java.io.tmpdir");

    private WorkerLauncher() {}

    record Outcome(int exitCode, boolean timedOut, String log) {}

    static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (maxMb > 0 && maxMb < Long.MAX_VALUE / (1024 * 1024)) {
            cmd.add("-Xmx" + maxMb + "m");
        }
        for (String p : PASSED_PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        if (System.getProperty("ai.djl.offline") == null) {
            cmd.add("-Dai.djl.offline=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Runs the child, its stdout and stderr going to {@code logFile}; kills it after {@code
     * timeoutSeconds}.
     */
    static Outcome run(Class<?> mainClass, List<String> args, Path logFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, args));
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile.toFile());
        Process p = pb.start();
        try {
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return new Outcome(-1, true, readLog(logFile));
            }
            return new Outcome(p.exitValue(), false, readLog(logFile));
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static String readLog(Path logFile) throws IOException {
        return Files.exists(logFile) ? Files.readString(logFile) : "";
    }

    /** The last few non-blank lines of a log, joined, to say why a child failed. */
    static String tail(String log, int lines) {
        List<String> all = log.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
