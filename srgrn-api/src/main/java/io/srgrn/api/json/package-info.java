/**
 * A minimal JSON reader and writer, enough for safetensors headers and SRGRN metadata (no
 * dependencies).
 */
package io.srgrn.api.json;
