/** srgrn-backend-javacpp. */
package io.srgrn.backend.javacpp;
