/**
 * SRGRN on libtorch 2.10 through JavaCPP's PyTorch presets: {@link
 * io.srgrn.backend.javacpp.JavaCppBackend} compiles every layer spec of SPEC section 3 to
 * libtorch's C++ ops, with libtorch's autograd for backward and Adam as in-place libtorch ops.
 */
package io.srgrn.backend.javacpp;
