/**
 * Training runs as a library: {@link io.srgrn.train.TrainingRun} does what {@code srgrn train} does
 * (run folder, {@code run.json}, resumable checkpoints, hold-out validation, the best weights with
 * their provenance, the run's CSV logs), so a Java program trains exactly as the command line.
 *
 * <p>Layering: this module sits above srgrn-api (the model and its {@code Trainer}), srgrn-data
 * (images, degradations, patches) and srgrn-metrics (the validation scores), and nothing below it
 * depends on it. The command line (srgrn-bench) only parses options, shows progress and prints.
 */
package io.srgrn.train;
