/** srgrn-tck. */
package io.srgrn.tck;
