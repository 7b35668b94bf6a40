package io.srgrn.api.config;

/**
 * How GRUM and GRRB pool pixel features into graph nodes (SPEC 3.1).
 *
 * <p>{@link #MEAN} is the default: a sum (the paper's literal eq. 5) grows with the image, so a
 * model trained on 48x48 patches would see far larger node states at test time.
 */
public enum NodeAggregation {
    MEAN,
    SUM
}
