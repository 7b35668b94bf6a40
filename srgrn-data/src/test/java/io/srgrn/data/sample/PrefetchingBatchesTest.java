package io.srgrn.data.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefetchingBatchesTest {

    private final PatchSampler sampler =
            new PatchSampler(PatchSamplerTest.pairs(4), new PatchSampler.Config(5, 4, true, 99));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void yieldsTheSameBatchesAsTheSamplerInOrder(int workers) {
        try (PrefetchingBatches it = sampler.prefetch(17, workers)) {
            for (long i = 17; i < 40; i++) {
                assertThat(it.nextIndex()).isEqualTo(i);
                Batch b = it.next();
                Batch expected = sampler.batch(i);
                assertThat(b.lr())
                        .as("batch %d with %d workers", i, workers)
                        .isEqualTo(expected.lr());
                assertThat(b.hr()).isEqualTo(expected.hr());
            }
        }
    }

    @Test
    void boundedRangeEnds() {
        try (PrefetchingBatches it = new PrefetchingBatches(sampler, 3, 6, 2, 8)) {
            int n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            assertThat(n).isEqualTo(3);
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void closeStopsEveryWorkerThread() throws InterruptedException {
        PrefetchingBatches it = sampler.prefetch(0, 3);
        it.next();
        assertThat(workerThreads()).isPositive();
        it.close();
        it.close();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        // close() waits for termination, so no worker may be left (threads of other, open iterators
        // excepted:
        // none exist at this point because every test closes its own).
        assertThat(workerThreads()).isZero();
    }

    @Test
    void aFailedBatchIsReportedAndClosesTheIterator() {
        // Sample numbers index * batchSize overflow a long here, so making the batch fails.
        PrefetchingBatches it = sampler.prefetch(Long.MAX_VALUE / 2, 2);
        assertThatThrownBy(it::next)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batch " + Long.MAX_VALUE / 2)
                .hasCauseInstanceOf(ArithmeticException.class);
        assertThat(it.hasNext()).isFalse();
        assertThat(workerThreads()).isZero();
    }

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(
                        t ->
                                t.getName().startsWith(PrefetchingBatches.THREAD_PREFIX)
                                        && t.isAlive())
                .count();
    }
}
