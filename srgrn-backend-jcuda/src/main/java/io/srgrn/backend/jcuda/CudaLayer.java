package io.srgrn.backend.jcuda;

/**
 * One layer of SPEC section 3 on the device. {@code forward} keeps what {@code backward} needs in
 * the layer's fields (buffers of the call's {@link CallScope}; module calls are serialised, so one
 * set of fields suffices); {@code backward} accumulates the parameter gradients and returns the
 * input gradient.
 */
interface CudaLayer {
    DeviceTensor forward(CallScope scope, DeviceTensor x);

    DeviceTensor backward(CallScope scope, DeviceTensor upstream);
}
