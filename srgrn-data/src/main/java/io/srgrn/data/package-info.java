/** srgrn-data. */
package io.srgrn.data;
