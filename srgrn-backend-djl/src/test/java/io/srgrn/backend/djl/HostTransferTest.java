package io.srgrn.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.srgrn.api.tensor.Tensor;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Large uploads must not leave tile-sized direct buffers behind: exact tiling of a 1000x1000 image
 * held 0.67 GB of them before (they waited for the garbage collector).
 */
class HostTransferTest {

    @Test
    void largeUploadsArriveIntactAndLeaveNoDirectMemoryBehind() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                DirectBuffers.freesEarly(), "this JVM cannot free direct buffers early");
        int[] shape = {1, 8, 768, 768}; // 18.9 MB: far above the kept size
        assertThat((long) Tensor.elementCount(shape) * Float.BYTES)
                .isGreaterThan(HostTransfer.KEPT_BYTES);
        Tensor big = Tensor.uniform(new SplittableRandom(5), -1, 1, shape);
        HostTransfer transfer = new HostTransfer(false);
        long before = directBytes();
        try (NDManager manager = EngineLoader.load(DjlBackend.NAME, true).newBaseManager()) {
            for (int i = 0; i < 5; i++) {
                try (NDArray a = transfer.upload(manager, big)) {
                    assertThat(HostTransfer.download(a, shape).bitEquals(big)).isTrue();
                }
            }
        }
        // five uploads of 18.9 MB, and no garbage collection asked for: none of it is still held
        assertThat(directBytes() - before).isLessThan(HostTransfer.KEPT_BYTES);
        assertThat(transfer.keptCapacity()).isZero();

        Tensor small = Tensor.uniform(new SplittableRandom(6), -1, 1, new int[] {1, 3, 20, 20});
        try (NDManager manager = EngineLoader.load(DjlBackend.NAME, true).newBaseManager();
                NDArray a = transfer.upload(manager, small)) {
            assertThat(HostTransfer.download(a, small.shape()).bitEquals(small)).isTrue();
        }
        assertThat(transfer.keptCapacity()).isBetween(4 * 1200, HostTransfer.KEPT_BYTES);
        transfer.close();
        assertThat(transfer.keptCapacity()).isZero();
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
