package io.srgrn.api.exact;

import io.srgrn.api.tensor.Tensor;

/**
 * The convolutional, pixel-local part of one stage of SRGRN: its output at a pixel depends only on
 * the input within {@link #halo()} input pixels, so it can run on any window of the input and is
 * exact away from the window's cut edges. A global stage becomes local once its node states are
 * known ({@link NodeStates}).
 */
interface LocalStage {
    /** Output pixels per input pixel along each axis. */
    int factor();

    /** Receptive-field radius in input pixels: the context a window needs on each cut side. */
    int halo();

    int outChannels();

    /**
     * The stage on a window (B, C, h, w): (B, C', factor * h, factor * w), zero padded at the
     * window's edges.
     */
    Tensor apply(Tensor window);
}
