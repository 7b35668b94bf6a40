package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;

/**
 * A compiled layer: the forward pass of one spec on native arrays, differentiable by libtorch's
 * autograd.
 */
interface DjlLayer {
    /** The output for {@code x}; every new array lands in {@code call}'s scope. */
    NDArray apply(NDArray x, Call call);
}
