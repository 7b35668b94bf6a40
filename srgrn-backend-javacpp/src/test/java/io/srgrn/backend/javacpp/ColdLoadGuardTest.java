package io.srgrn.backend.javacpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.tck.support.ForkedJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-load crash of DEPENDENCIES.md: with a system libtorch in the dynamic linker's cache
 * (e.g. Debian's python3-torch) and an empty JavaCPP cache, a plain {@code
 * Loader.load(torch.class)} kills the JVM with SIGSEGV. Both runs use a fresh cache directory in a
 * forked JVM (about 445 MB extracted each, a few seconds); the unguarded run is the control that
 * shows this machine reproduces the crash. Skipped where no system libtorch is installed, because
 * there is nothing to guard against.
 */
class ColdLoadGuardTest {

    @Test
    void openingTheBackendWithAColdCacheSurvivesASystemLibtorch(@TempDir Path tmp)
            throws IOException {
        Assumptions.assumeTrue(
                systemLibtorchCpu(),
                "no system libtorch_cpu.so in the dynamic linker cache (ldconfig -p):"
                        + " the cold-load crash cannot happen here (apt-get install python3-torch to reproduce it)");

        ForkedJvm.Result control =
                ForkedJvm.run(ColdLoadProbe.class, options(tmp, "control"), 300, "unguarded");
        Assumptions.assumeTrue(
                control.exitCode() != 0 && control.output().contains("SIGSEGV"),
                "a system libtorch is installed but the unguarded cold load did not crash with SIGSEGV here (exit "
                        + control.exitCode()
                        + "), so this machine cannot show the guard working:\n"
                        + control.output());

        ForkedJvm.Result guarded =
                ForkedJvm.run(ColdLoadProbe.class, options(tmp, "guarded"), 300, "backend");
        assertThat(guarded.exitCode()).as(guarded.output()).isZero();
        assertThat(guarded.hasLine("LOADED")).as(guarded.output()).isTrue();
    }

    private static List<String> options(Path tmp, String name) throws IOException {
        Path cache = Files.createDirectories(tmp.resolve(name + "-cache"));
        return List.of(
                "-Dorg.bytedeco.javacpp.cachedir=" + cache,
                "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + tmp.resolve(name + "-hs_err_%p.log"));
    }

    /** Whether the dynamic linker would resolve libtorch_cpu.so from the system. */
    static boolean systemLibtorchCpu() {
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
            if (Files.isExecutable(Path.of(ldconfig))) {
                try {
                    Process p =
                            new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                    String out =
                            new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    p.waitFor(30, TimeUnit.SECONDS);
                    return out.lines().anyMatch(l -> l.trim().startsWith("libtorch_cpu.so "));
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
