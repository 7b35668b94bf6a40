/**
 * Trained SRGRN models as class-path resources, found by {@link io.srgrn.api.models.Models} through
 * {@link io.srgrn.api.models.ModelSource}. The module has no code to call: add it to the class
 * path.
 */
package io.srgrn.models;
