package io.srgrn.api.train;

/**
 * Training batches by index. {@code batch(i)} must depend only on the source's seed and {@code i}:
 * that is what makes a resumed run continue bit-identically and lets prefetching run ahead on
 * worker threads without changing the result.
 */
@FunctionalInterface
public interface BatchSource {
    Batch batch(long index);
}
