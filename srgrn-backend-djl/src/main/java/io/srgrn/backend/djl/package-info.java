/**
 * The DJL backend: SRGRN on DJL's PyTorch engine ({@link io.srgrn.backend.djl.DjlBackend}, name
 * {@code djl}). libtorch comes from Maven Central jars on the class path; DJL runs offline.
 */
package io.srgrn.backend.djl;
