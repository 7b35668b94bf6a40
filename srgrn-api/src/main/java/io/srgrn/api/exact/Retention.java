package io.srgrn.api.exact;

/**
 * How exact tiling keeps a stage's output between the passes that need it (each global reasoning
 * stage reads its input twice: once to pool its node states over the whole image, once to
 * distribute them). docs/RESULTS.md has the measured cost of each.
 */
public enum Retention {
    /**
     * Keep nothing: every pass recomputes the trunk and earlier stages for its tile. Least memory,
     * most compute.
     */
    RECOMPUTE,
    /**
     * Keep each stage's whole output on the Java heap: least compute, memory grows with the image.
     */
    HOST,
    /**
     * Keep each stage's output in a temporary file: least compute at memory set by the tile; costs
     * disk I/O.
     */
    SPILL
}
