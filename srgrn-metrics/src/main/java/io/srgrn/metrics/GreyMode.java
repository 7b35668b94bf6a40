package io.srgrn.metrics;

/** How an image whose HR original is single-channel (grey) is scored. */
public enum GreyMode {
    /** Replicate to RGB and take the RGB luma (RDN's preparation script does this). */
    REPLICATE,
    /** Keep one channel and score its value as Y. */
    SINGLE
}
