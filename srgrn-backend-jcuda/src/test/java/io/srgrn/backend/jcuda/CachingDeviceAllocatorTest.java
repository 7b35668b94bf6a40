package io.srgrn.backend.jcuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CachingDeviceAllocatorTest {
    private final FakeDeviceMemory device = new FakeDeviceMemory();
    private final CachingDeviceAllocator allocator = new CachingDeviceAllocator(device);

    @Test
    void sizeClassesRoundSmallRequestsTo512BytesAndLargeOnesTo2MiB() {
        assertThat(CachingDeviceAllocator.sizeClass(0)).isEqualTo(512);
        assertThat(CachingDeviceAllocator.sizeClass(1)).isEqualTo(512);
        assertThat(CachingDeviceAllocator.sizeClass(512)).isEqualTo(512);
        assertThat(CachingDeviceAllocator.sizeClass(513)).isEqualTo(1024);
        assertThat(CachingDeviceAllocator.sizeClass(1 << 20)).isEqualTo(1 << 20);
        assertThat(CachingDeviceAllocator.sizeClass((1 << 20) + 1)).isEqualTo(2L << 20);
        assertThat(CachingDeviceAllocator.sizeClass((3L << 20) + 5)).isEqualTo(4L << 20);
        assertThatThrownBy(() -> CachingDeviceAllocator.sizeClass(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReleasedBlockIsReusedForTheSameSizeClassWithoutAskingTheDevice() {
        DeviceBuffer a = allocator.allocate(1000);
        allocator.release(a);
        DeviceBuffer b = allocator.allocate(900); // same class (1024)
        assertThat(b.address()).isEqualTo(a.address());
        assertThat(b.requested()).isEqualTo(900);
        assertThat(device.allocations).isEqualTo(1);
        DeviceBuffer c = allocator.allocate(3000); // another class
        assertThat(c.address()).isNotEqualTo(a.address());
        assertThat(device.allocations).isEqualTo(2);
    }

    @Test
    void aRepeatingLoopAllocatesOnTheDeviceOnlyInItsFirstIteration() {
        long[] sizes = {4 * 48 * 48 * 64, 4 * 48 * 48 * 256, 40, 4 * 96 * 96 * 64};
        for (int step = 0; step < 5; step++) {
            DeviceBuffer[] held = new DeviceBuffer[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                held[i] = allocator.allocate(sizes[i]);
            }
            for (DeviceBuffer b : held) {
                allocator.release(b);
            }
        }
        assertThat(device.allocations).isEqualTo(sizes.length);
        assertThat(allocator.bytesInUse()).isZero();
        assertThat(allocator.bytesReserved())
                .isEqualTo(device.live.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void bookkeepingCountsBytesInUseAndCached() {
        DeviceBuffer a = allocator.allocate(100);
        DeviceBuffer b = allocator.allocate((1 << 20) + 1);
        assertThat(allocator.bytesInUse()).isEqualTo(512 + (2L << 20));
        allocator.release(b);
        assertThat(allocator.bytesInUse()).isEqualTo(512);
        assertThat(allocator.bytesReserved()).isEqualTo(512 + (2L << 20));
        allocator.trim();
        assertThat(allocator.bytesReserved()).isEqualTo(512);
        assertThat(device.live).containsOnlyKeys(a.address());
    }

    @Test
    void releasingTwiceOrAForeignBlockFails() {
        DeviceBuffer a = allocator.allocate(100);
        allocator.release(a);
        assertThatThrownBy(() -> allocator.release(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in use");
        assertThatThrownBy(() -> allocator.release(new DeviceBuffer(0x42, 512, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfMemoryFreesTheCacheAndRetriesOnce() {
        device.capacity = 4L << 20;
        DeviceBuffer big = allocator.allocate(2L << 20);
        allocator.release(big); // 2 MiB cached
        DeviceBuffer other =
                allocator.allocate(1536L << 10); // class 2 MiB? no: 1.5 MiB rounds to 2 MiB: reused
        assertThat(other.address()).isEqualTo(big.address());
        allocator.release(other);
        DeviceBuffer small = allocator.allocate(1 << 20); // 1 MiB class: 2 + 1 = 3 MiB of 4 fit
        allocator.release(small);
        DeviceBuffer large =
                allocator.allocate(3L << 20); // class 4 MiB: fits only once the cache is freed
        assertThat(device.live).containsOnlyKeys(large.address());
        assertThatThrownBy(() -> allocator.allocate(1L << 20))
                .isInstanceOf(DeviceOutOfMemoryException.class);
    }

    @Test
    void closeFreesEveryBlockInUseOrCachedAndRefusesLaterCalls() {
        allocator.allocate(10);
        DeviceBuffer b = allocator.allocate(5000);
        allocator.allocate(3L << 20);
        allocator.release(b);
        allocator.close();
        assertThat(device.live).isEmpty();
        assertThat(device.frees).isEqualTo(device.allocations);
        allocator.close(); // idempotent
        assertThatThrownBy(() -> allocator.allocate(1)).isInstanceOf(IllegalStateException.class);
    }
}
