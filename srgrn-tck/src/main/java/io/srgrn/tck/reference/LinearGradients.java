package io.srgrn.tck.reference;

/** Gradients of a convolution with bias: with respect to its input, weight and bias. */
public record LinearGradients(DoubleTensor input, DoubleTensor weight, DoubleTensor bias) {}
