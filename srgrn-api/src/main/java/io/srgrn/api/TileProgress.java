package io.srgrn.api;

/**
 * Progress of one tiled upscale, for callers that show it (a large image in exact tiles can run for
 * an hour). Called on the upscaling thread after each tile's forward pass; keep it quick.
 */
@FunctionalInterface
public interface TileProgress {
    /** Ignores every update. */
    TileProgress NONE = (done, total) -> {};

    /**
     * {@code done} of {@code total} tile runs of the current image have finished. Exact tiles run
     * their grid once per pass (a global stage's pooling, a kept stage, the output), and a
     * self-ensemble once per transform, so {@code total} counts all of them.
     */
    void update(long done, long total);
}
