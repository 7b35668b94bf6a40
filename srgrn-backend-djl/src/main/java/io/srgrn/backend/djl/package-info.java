/** srgrn-backend-djl. */
package io.srgrn.backend.djl;
