/**
 * Helpers that backend modules' own tests share: float32 tensor arithmetic on the host (through the
 * reference's ops) and running a probe in a fresh JVM. Not part of the kit's checks.
 */
package io.srgrn.tck.support;
