package io.srgrn.tck.reference;

/** Gradients of a two-input operation, in argument order. */
public record PairGradients(DoubleTensor first, DoubleTensor second) {}
