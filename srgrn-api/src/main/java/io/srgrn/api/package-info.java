/** Backend-neutral SRGRN: config, layer specs, backend SPI, facade, trainer, weights. */
package io.srgrn.api;
