package io.srgrn.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import org.junit.jupiter.api.Test;

/** The mmap threshold a memory budget sets, checked by where glibc then puts a block. */
class NativeHeapDefaultsTest {
    private static final long BLOCK = 8 << 20;

    @Test
    void theThresholdDecidesWhetherABlockIsMmapped() {
        assumeTrue(
                Platform.isLinux() && NativeHeapDefaults.userThreshold() == null,
                "needs Linux without a threshold in the environment");
        assumeTrue(Glibc.available(), "needs glibc 2.33 or later (mallinfo2)");
        // above the block: it comes from glibc's heap, which the default (128 KiB, rising) would
        // not do for 8 MiB unless earlier frees had raised it
        assertThat(NativeHeapDefaults.decide("" + (16 << 20)))
                .isEqualTo(NativeHeapDefaults.Outcome.SET);
        assertThat(mmappedGrowthOfOneBlock()).isLessThan(BLOCK);
        // below it, the budget's default: mmapped, so its free hands it back to the system
        assertThat(NativeHeapDefaults.decide("" + NativeHeapDefaults.DEFAULT_THRESHOLD))
                .isEqualTo(NativeHeapDefaults.Outcome.SET);
        assertThat(mmappedGrowthOfOneBlock()).isGreaterThanOrEqualTo(BLOCK);
    }

    @Test
    void badValuesAreRefusedAndNoneLeavesGlibcAlone() {
        assertThat(NativeHeapDefaults.decide("none"))
                .isEqualTo(NativeHeapDefaults.Outcome.DISABLED);
        for (String bad : new String[] {"4m", "0", "-1", "" + (64 << 20)}) {
            assertThatThrownBy(() -> NativeHeapDefaults.decide(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(NativeHeapDefaults.THRESHOLD_PROPERTY + "=" + bad);
        }
    }

    /** How much glibc's mmapped bytes grow while one 8 MiB block is held. */
    private static long mmappedGrowthOfOneBlock() {
        long before = Glibc.INSTANCE.mallinfo2().hblkhd;
        Pointer p = Glibc.INSTANCE.malloc(BLOCK);
        try {
            return Glibc.INSTANCE.mallinfo2().hblkhd - before;
        } finally {
            Glibc.INSTANCE.free(p);
        }
    }

    /** glibc's allocator statistics. */
    public interface Glibc extends Library {
        Glibc INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Glibc.class);

        Pointer malloc(long size);

        void free(Pointer p);

        MallInfo2 mallinfo2();

        static boolean available() {
            try {
                INSTANCE.mallinfo2();
                return true;
            } catch (LinkageError | RuntimeException e) {
                return false;
            }
        }
    }

    /** struct mallinfo2 (malloc.h): ten size_t fields. */
    @Structure.FieldOrder({
        "arena",
        "ordblks",
        "smblks",
        "hblks",
        "hblkhd",
        "usmblks",
        "fsmblks",
        "uordblks",
        "fordblks",
        "keepcost"
    })
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }
}
