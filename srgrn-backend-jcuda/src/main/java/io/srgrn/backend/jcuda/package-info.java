/**
 * SRGRN on raw CUDA (cuDNN 9, cuBLAS 13, own NVRTC kernels) through JavaCPP's CUDA presets: the
 * {@code jcuda} backend. Entry point {@link io.srgrn.backend.jcuda.CudaBackend}; see the module
 * README for the libraries needed and what is verified.
 */
package io.srgrn.backend.jcuda;
