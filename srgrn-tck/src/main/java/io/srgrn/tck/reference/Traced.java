package io.srgrn.tck.reference;

/** A forward pass's output with the closure that back-propagates through it. */
public record Traced(DoubleTensor output, Backprop backprop) {}
