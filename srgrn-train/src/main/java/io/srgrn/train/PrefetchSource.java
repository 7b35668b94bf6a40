package io.srgrn.train;

import io.srgrn.api.tensor.Tensor;
import io.srgrn.api.train.Batch;
import io.srgrn.api.train.BatchSource;
import io.srgrn.data.sample.PatchSampler;
import io.srgrn.data.sample.PrefetchingBatches;

/**
 * The trainer's batches from a {@link PatchSampler}, made ahead on worker threads. The trainer asks
 * for consecutive indices from the start iteration on; since a batch is a pure function of its
 * index, prefetching does not change what is trained.
 */
final class PrefetchSource implements BatchSource, AutoCloseable {
    private final PatchSampler sampler;
    private final PrefetchingBatches batches;

    PrefetchSource(PatchSampler sampler, long start, long end, int workers) {
        this.sampler = sampler;
        this.batches =
                new PrefetchingBatches(sampler, start, end, workers, Math.max(2, workers + 1));
    }

    @Override
    public Batch batch(long index) {
        io.srgrn.data.sample.Batch b;
        if (index == batches.nextIndex() && batches.hasNext()) {
            b = batches.next();
        } else {
            b = sampler.batch(index);
        }
        Tensor lr = Tensor.of(b.lr(), b.size(), b.channels(), b.lrHeight(), b.lrWidth());
        Tensor hr = Tensor.of(b.hr(), b.size(), b.channels(), b.hrHeight(), b.hrWidth());
        return new Batch(lr, hr);
    }

    @Override
    public void close() {
        batches.close();
    }
}
