package io.srgrn.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a new JVM: for what must happen in a fresh process
 * (natives not yet loaded, a cold JavaCPP cache, a libtorch claimed by another backend) and for
 * what could crash the process (closing a backend while a call is inside it). The child gets this
 * JVM's {@code srgrn.*}, {@code ai.djl.*} and {@code org.bytedeco.*} system properties.
 */
public final class ForkedJvm {
    /** The child's exit status and everything it printed (stdout and stderr). */
    public record Result(int exitCode, String output) {
        /** The number the probe printed after {@code prefix} (e.g. {@code RSS_BEFORE_KB=}). */
        public long value(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> Long.parseLong(l.substring(prefix.length())))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + output));
        }

        public boolean hasLine(String line) {
            return output.lines().anyMatch(l -> l.equals(line));
        }
    }

    private ForkedJvm() {}

    /** Runs {@code mainClass} with {@code args}; fails when it does not finish in {@code timeoutSeconds}. */
    public static Result run(Class<?> mainClass, List<String> jvmOptions, long timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m"); // -Xms512m in jvmOptions fixes the heap at this size
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("srgrn.") || name.startsWith("ai.djl.") || name.startsWith("org.bytedeco.")) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        // Surefire may put the real class path in this property and a manifest-only jar in java.class.path.
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("forked-jvm", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                try (InputStream ignored = p.getInputStream()) {
                    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                        throw new AssertionError(mainClass.getSimpleName() + " did not finish in " + timeoutSeconds
                                + " s; output:\n" + Files.readString(log, StandardCharsets.UTF_8));
                    }
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + mainClass.getSimpleName(), e);
        }
    }
}
