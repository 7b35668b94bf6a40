package io.srgrn.bench.cli;

import io.srgrn.api.Srgrn;
import io.srgrn.api.Tiling;
import io.srgrn.api.exact.Retention;

/**
 * How a command asked SRGRN to bound its memory ({@link TilingMixin}): explicit tiles, a memory
 * budget, or neither (whole images, exact tiles only when an image would not fit).
 *
 * @param tiling explicit tiles, or null
 * @param budget bytes, or 0 for none
 * @param retention how exact tiles keep features between passes
 */
record InferenceMemory(Tiling tiling, long budget, Retention retention) {
    static final InferenceMemory DEFAULT = new InferenceMemory(null, 0, Srgrn.DEFAULT_RETENTION);

    Srgrn.Builder applyTo(Srgrn.Builder b) {
        b.tiling(tiling).featureRetention(retention);
        return budget > 0 ? b.memoryBudget(budget) : b;
    }

    /**
     * For result labels: empty for whole images and exact tiles (same output), else what differs.
     */
    String label() {
        if (tiling != null && tiling.mode() == Tiling.Mode.FAST) {
            return " (tiles " + tiling.tile() + "+" + tiling.overlap() + ")";
        }
        return "";
    }

    /** For messages. */
    String describe() {
        if (tiling != null) {
            return tiling.mode() == Tiling.Mode.FAST
                    ? "fast tiles of " + tiling.tile() + " LR px + " + tiling.overlap() + " overlap"
                    : "exact tiles of " + tiling.tile() + " LR px";
        }
        return budget > 0 ? "memory budget " + (budget >> 20) + " MiB" : "";
    }
}
