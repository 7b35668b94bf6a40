package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;

import io.srgrn.api.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaAvailabilityTest {
    @TempDir Path dir;

    private static Map<CudaLibrary, Optional<Path>> found(CudaLibrary... missing) {
        Map<CudaLibrary, Optional<Path>> m = new EnumMap<>(CudaLibrary.class);
        for (CudaLibrary lib : CudaLibrary.values()) {
            m.put(lib, Optional.of(Path.of("/opt/cuda/lib", lib.file())));
        }
        for (CudaLibrary lib : missing) {
            m.put(lib, Optional.empty());
        }
        return m;
    }

    @Test
    void theReasonNamesTheFirstMissingPieceDriverFirst() {
        Availability a =
                CudaAvailability.decide(true, true, "linux-x86_64", found(CudaLibrary.values()), 0);
        assertThat(a.available()).isFalse();
        assertThat(a.reason())
                .startsWith("missing the NVIDIA driver's libcuda.so.1")
                .contains(
                        "libcudart.so.13",
                        "libcublas.so.13",
                        "libcudnn.so.9",
                        "libnvrtc.so.13",
                        "no NVIDIA GPU",
                        "srgrn.cuda.path");
        Availability noCudnn =
                CudaAvailability.decide(true, true, "linux-x86_64", found(CudaLibrary.CUDNN), 1);
        assertThat(noCudnn.reason())
                .startsWith("missing cuDNN 9, libcudnn.so.9")
                .doesNotContain("also missing")
                .doesNotContain("no NVIDIA GPU");
        Availability noNvrtc =
                CudaAvailability.decide(true, true, "linux-x86_64", found(CudaLibrary.NVRTC), 1);
        assertThat(noNvrtc.reason()).startsWith("missing NVRTC 13");
    }

    @Test
    void librariesWithoutAGpuSayThatNoDeviceIsVisible() {
        Availability a = CudaAvailability.decide(true, true, "linux-x86_64", found(), 0);
        assertThat(a.available()).isFalse();
        assertThat(a.reason()).startsWith("no NVIDIA GPU is visible");
    }

    @Test
    void everythingPresentIsAvailable() {
        Availability a = CudaAvailability.decide(true, true, "linux-x86_64", found(), 2);
        assertThat(a.available()).isTrue();
        assertThat(a.reason()).contains("2 NVIDIA GPU(s)", "/opt/cuda/lib");
    }

    @Test
    void missingPresetsAreNamedWithTheirCoordinates() {
        assertThat(CudaAvailability.decide(false, false, "linux-x86_64", found(), 1).reason())
                .contains("org.bytedeco:cuda:13.1-9.19-1.5.13");
        assertThat(CudaAvailability.decide(true, false, "linux-arm64", found(), 1).reason())
                .contains("classifier linux-arm64");
    }

    @Test
    void theLocatorFindsAPipLayoutInDepthAndSystemFilesByName() throws IOException {
        Path pip = dir.resolve("site-packages/nvidia");
        Files.createDirectories(pip.resolve("cu13/lib"));
        Files.createDirectories(pip.resolve("cudnn/lib"));
        Files.writeString(pip.resolve("cu13/lib/libcudart.so.13"), "");
        Files.writeString(pip.resolve("cudnn/lib/libcudnn.so.9"), "");
        Files.writeString(pip.resolve("cudnn/lib/libcudnn_graph.so.9"), "");
        Path system = Files.createDirectories(dir.resolve("usr-lib"));
        Files.writeString(system.resolve("libcuda.so.1"), "");
        LibraryLocator locator =
                new LibraryLocator(List.of(pip), List.of(system, dir.resolve("absent")));
        Map<CudaLibrary, Optional<Path>> all = locator.locateAll();
        assertThat(all.get(CudaLibrary.CUDART))
                .contains(pip.resolve("cu13/lib/libcudart.so.13").toAbsolutePath());
        assertThat(all.get(CudaLibrary.DRIVER))
                .contains(system.resolve("libcuda.so.1").toAbsolutePath());
        assertThat(all.get(CudaLibrary.NVRTC)).isEmpty();
        assertThat(locator.inUserFolders(all.get(CudaLibrary.CUDNN).orElseThrow())).isTrue();
        assertThat(locator.inUserFolders(all.get(CudaLibrary.DRIVER).orElseThrow())).isFalse();
        assertThat(locator.userFilesStartingWith("libcudnn_"))
                .containsExactly(pip.resolve("cudnn/lib/libcudnn_graph.so.9").toAbsolutePath());
        assertThat(LibraryLocator.split("/a" + java.io.File.pathSeparator + " /b "))
                .containsExactly(Path.of("/a"), Path.of("/b"));
    }
}
