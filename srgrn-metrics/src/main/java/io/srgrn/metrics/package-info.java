/** srgrn-metrics. */
package io.srgrn.metrics;
