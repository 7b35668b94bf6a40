package io.srgrn.backend.javacpp;

import org.bytedeco.pytorch.Tensor;

/**
 * One layer of SPEC section 3 as libtorch operations on the parameters it was built with. Autograd
 * records whatever {@code forward} does while grad mode is on, so backward needs no code here.
 */
interface JavaCppLayer {
    /**
     * The layer's output; the result belongs to the caller's {@link
     * org.bytedeco.javacpp.PointerScope}.
     */
    Tensor forward(Tensor x);
}
