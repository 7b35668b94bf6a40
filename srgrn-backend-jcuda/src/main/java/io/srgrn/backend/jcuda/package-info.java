/** srgrn-backend-jcuda. */
package io.srgrn.backend.jcuda;
