package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srgrn.api.spi.Availability;
import io.srgrn.api.spi.Backend;
import io.srgrn.api.spi.BackendOptions;
import io.srgrn.api.spi.BackendUnavailableException;
import io.srgrn.api.spi.Device;
import io.srgrn.api.spi.NvidiaGpus;
import java.util.ServiceLoader;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The backend as the SPI sees it, on a machine without a GPU (the checks that need one are the
 * kit's).
 */
class CudaBackendTest {

    @Test
    void theServiceLoaderFindsItByName() {
        assertThat(ServiceLoader.load(Backend.class).stream().map(p -> p.get().name()))
                .contains("jcuda");
    }

    @Test
    void tf32IsOnByDefaultAndOffForTheKit() {
        assertThat(new CudaBackend(new CudaSettings(true)).tf32()).isTrue();
        assertThat(CudaBackend.exactFloat32().tf32()).isFalse();
        String old = System.getProperty(CudaSettings.TF32_PROPERTY);
        try {
            System.setProperty(CudaSettings.TF32_PROPERTY, "false");
            assertThat(new CudaBackend().tf32()).isFalse();
            System.clearProperty(CudaSettings.TF32_PROPERTY);
            assertThat(new CudaBackend().tf32()).isTrue();
        } finally {
            if (old != null) {
                System.setProperty(CudaSettings.TF32_PROPERTY, old);
            }
        }
    }

    @Test
    void withoutADriverItIsUnavailableSaysWhyAndLoadsNothing() {
        Availability a = new CudaBackend().availability();
        Assumptions.assumeFalse(a.available(), "this machine has CUDA: " + a.reason());
        Assumptions.assumeTrue(NvidiaGpus.visible() == 0, "this machine has an NVIDIA GPU");
        assertThat(a.reason())
                .as("the driver is named first")
                .startsWith("missing the NVIDIA driver's libcuda.so.1");
        assertThat(new CudaBackend().devices()).isEmpty();
        assertThat(Loader.getLoadedLibraries().keySet())
                .as("availability and devices load no CUDA library")
                .noneMatch(
                        name ->
                                name.contains("cuda")
                                        || name.contains("cudnn")
                                        || name.contains("nvrtc"));
    }

    @Test
    void openingWithoutCudaFailsWithTheReason() {
        CudaBackend backend = new CudaBackend();
        Availability a = backend.availability();
        Assumptions.assumeFalse(a.available(), "this machine has CUDA: " + a.reason());
        assertThatThrownBy(() -> backend.open(Device.cuda(0), BackendOptions.defaults()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining(a.reason());
        assertThatThrownBy(() -> backend.open(Device.CPU, BackendOptions.defaults()))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("CUDA devices only");
        assertThat(Loader.getLoadedLibraries().keySet())
                .noneMatch(name -> name.contains("jnicudart"));
    }
}
