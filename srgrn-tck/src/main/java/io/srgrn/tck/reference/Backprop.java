package io.srgrn.tck.reference;

/**
 * The backward half of one traced forward pass: maps the gradient of the output to the gradient of
 * the input and adds the layer's parameter gradients to its {@link ReferenceParameters}.
 */
@FunctionalInterface
public interface Backprop {
    DoubleTensor backward(DoubleTensor upstream);
}
