package io.srgrn.tck.reference;

/** One layer of the reference network: a forward pass that keeps what its backward pass needs. */
public interface ReferenceLayer {
    Traced forward(DoubleTensor x, ReferenceParameters params);
}
