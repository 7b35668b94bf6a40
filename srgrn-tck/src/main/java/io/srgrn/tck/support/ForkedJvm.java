package io.srgrn.tck.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a new JVM: for what must happen in a fresh process
 * (natives not yet loaded, a cold native cache, a libtorch claimed by another backend, a resident
 * set that only this work grows). Probes print {@code KEY=value} lines; the process helpers below
 * let a probe report on itself through /proc.
 */
public final class ForkedJvm {
    private ForkedJvm() {}

    /** How a probe ended and everything it printed (stdout and stderr). */
    public record Result(int exitCode, String output) {
        /**
         * The rest of the first line that starts with {@code prefix} (e.g. {@code RSS_BEFORE_KB=}).
         */
        public String text(String prefix) {
            return output.lines()
                    .filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + output));
        }

        /** The number the probe printed after {@code prefix}. */
        public long value(String prefix) {
            return Long.parseLong(text(prefix));
        }

        public boolean hasLine(String line) {
            return output.lines().anyMatch(l -> l.equals(line));
        }

        /** This result, after checking that the probe exited with status 0. */
        public Result requireSuccess() {
            assertThat(exitCode).as("probe exit status; output:%n%s", output).isZero();
            return this;
        }
    }

    /**
     * Runs {@code mainClass} with {@code args} in a JVM of at most 512 MB heap unless {@code
     * jvmOptions} say otherwise; fails when it runs longer than {@code timeoutSeconds}.
     */
    public static Result run(
            Class<?> mainClass, List<String> jvmOptions, long timeoutSeconds, String... args) {
        return run(mainClass, jvmOptions, Map.of(), List.of(), timeoutSeconds, args);
    }

    /**
     * As {@link #run(Class, List, long, String...)}, with {@code env} added to and {@code unset}
     * removed from the environment.
     */
    public static Result run(
            Class<?> mainClass,
            List<String> jvmOptions,
            Map<String, String> env,
            List<String> unset,
            long timeoutSeconds,
            String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m"); // a later -Xmx in jvmOptions wins
        // The child sees this JVM's settings of the library and its natives (e.g. -Dsrgrn.backend).
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("srgrn.")
                    || name.startsWith("ai.djl.")
                    || name.startsWith("org.bytedeco.")) {
                cmd.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        // Surefire may put the real class path in this property and a manifest-only jar in
        // java.class.path.
        cmd.add(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("forked-jvm", ".log");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(cmd)
                                .redirectErrorStream(true)
                                .redirectOutput(log.toFile());
                builder.environment().keySet().removeAll(unset);
                builder.environment().putAll(env);
                Process p = builder.start();
                try (InputStream ignored = p.getInputStream()) {
                    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                        throw new AssertionError(
                                mainClass.getSimpleName()
                                        + " did not finish in "
                                        + timeoutSeconds
                                        + " s; output:\n"
                                        + Files.readString(log, StandardCharsets.UTF_8));
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
            throw new AssertionError(
                    "interrupted while waiting for " + mainClass.getSimpleName(), e);
        }
    }

    /** Whether this process has mapped a library whose path contains any of {@code nameParts}. */
    public static boolean mapped(String... nameParts) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .anyMatch(l -> Arrays.stream(nameParts).anyMatch(l::contains));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A kB field of this process's /proc/self/status, e.g. {@code VmRSS:} or the peak {@code
     * VmHWM:}.
     */
    public static long statusKiB(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }
}
