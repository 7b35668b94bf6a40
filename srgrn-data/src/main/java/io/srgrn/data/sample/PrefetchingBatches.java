package io.srgrn.data.sample;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches {@code start, start+1, ... end-1} of a {@link PatchSampler}, made ahead of time on worker
 * threads and handed out in index order. Because a batch is a pure function of its index, the
 * sequence is the same for any number of workers. {@link #close()} stops the workers and waits for
 * them to end; the threads are daemons, so a forgotten iterator cannot keep the JVM alive.
 */
public final class PrefetchingBatches implements Iterator<Batch>, AutoCloseable {

    /** Thread name prefix of the workers (tests look for leaked ones by it). */
    public static final String THREAD_PREFIX = "srgrn-prefetch-";

    private static final Logger LOG = LoggerFactory.getLogger(PrefetchingBatches.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PatchSampler sampler;
    private final long end;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
    private long nextIndex;
    private long nextToSubmit;
    private boolean closed;

    /**
     * @param end one past the last batch index ({@code Long.MAX_VALUE} for an endless stream)
     * @param workers worker threads (>= 1)
     * @param depth batches made ahead of the consumer (>= 1)
     */
    public PrefetchingBatches(PatchSampler sampler, long start, long end, int workers, int depth) {
        if (workers < 1 || depth < 1) {
            throw new IllegalArgumentException(
                    "workers and depth must be >= 1, got " + workers + " and " + depth);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "batch range [" + start + ", " + end + ") is invalid");
        }
        this.sampler = sampler;
        this.end = end;
        this.nextIndex = start;
        this.nextToSubmit = start;
        this.pool = Executors.newFixedThreadPool(workers, daemonThreads(POOLS.incrementAndGet()));
        for (int i = 0; i < depth; i++) {
            submitNext();
        }
    }

    /** The index of the batch {@link #next()} returns next (store it to resume training). */
    public synchronized long nextIndex() {
        return nextIndex;
    }

    @Override
    public synchronized boolean hasNext() {
        return !closed && nextIndex < end;
    }

    @Override
    public synchronized Batch next() {
        if (closed) {
            throw new IllegalStateException("prefetching iterator is closed");
        }
        if (nextIndex >= end) {
            throw new NoSuchElementException("no batches after index " + (end - 1));
        }
        Future<Batch> f = pending.poll();
        submitNext();
        try {
            Batch b = f.get();
            nextIndex++;
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException(
                    "interrupted while waiting for batch " + nextIndex + "; iterator closed", e);
        } catch (ExecutionException e) {
            // The queue has moved past this index: the iterator cannot continue in order, so it
            // stops.
            close();
            throw new IllegalStateException(
                    "making batch " + nextIndex + " failed (iterator closed): " + e.getCause(),
                    e.getCause());
        }
    }

    /** Stops the workers (pending batches are dropped) and waits up to 10 s for them to end. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pending.clear();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("prefetch workers did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submitNext() {
        if (nextToSubmit < end) {
            long index = nextToSubmit++;
            pending.add(pool.submit(() -> sampler.batch(index)));
        }
    }

    private static ThreadFactory daemonThreads(int pool) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, THREAD_PREFIX + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
