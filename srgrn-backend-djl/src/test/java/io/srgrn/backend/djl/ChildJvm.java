package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a fresh JVM with this test's class path. Native loading is
 * once-per-process and the {@link io.srgrn.api.spi.NativeRuntimes} claims cannot be undone, so
 * whatever depends on a JVM that has not loaded libtorch yet runs there. Probes print
 * {@code key=value} lines.
 */
final class ChildJvm {
    private ChildJvm() {}

    static Map<String, String> run(Class<?> main, List<String> jvmArgs, String... args) {
        return run(main, jvmArgs, Map.of(), List.of(), args);
    }

    /** As {@link #run(Class, List, String...)}, with {@code env} added to and {@code unset} removed from the environment. */
    static Map<String, String> run(Class<?> main, List<String> jvmArgs, Map<String, String> env, List<String> unset,
            String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("srgrn-djl-probe", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().keySet().removeAll(unset);
                builder.environment().putAll(env);
                Process p = builder.start();
                boolean done = p.waitFor(5, TimeUnit.MINUTES);
                if (!done) {
                    p.destroyForcibly();
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                assertThat(done).as("probe %s finished in time; output:%n%s", main.getSimpleName(), out).isTrue();
                assertThat(p.exitValue()).as("probe %s exit code; output:%n%s", main.getSimpleName(), out).isZero();
                Map<String, String> values = new LinkedHashMap<>();
                for (String line : out.split("\n")) {
                    int eq = line.indexOf('=');
                    if (line.startsWith("probe.") && eq > 0) {
                        values.put(line.substring("probe.".length(), eq), line.substring(eq + 1));
                    }
                }
                values.put("_output", out);
                return values;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run probe " + main.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running probe " + main.getName(), e);
        }
    }

    /** Whether this process has mapped libtorch or DJL's JNI library. */
    static boolean libtorchMapped() {
        try {
            String maps = Files.readString(Path.of("/proc/self/maps"));
            return maps.contains("libtorch") || maps.contains("djl_torch");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/maps", e);
        }
    }

    /** Resident set size of this process in KiB, from /proc/self/status. */
    static long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
