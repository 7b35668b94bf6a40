package io.srgrn.backend.jcuda;

import io.srgrn.api.SrgrnException;

/**
 * A CUDA, cuDNN, cuBLAS or NVRTC call failed; the message names the call and the library's error.
 */
final class CudaException extends SrgrnException {
    CudaException(String message) {
        super(message);
    }
}
