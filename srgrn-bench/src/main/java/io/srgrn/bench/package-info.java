/** srgrn-bench. */
package io.srgrn.bench;
