package io.srgrn.metrics;

import io.srgrn.data.dataset.HrLrPair;
import io.srgrn.data.image.PlanarImage;

/**
 * One image of a set as {@link SetScorer} scored it: the pair, the method's output and its score.
 */
public record ScoredImage(HrLrPair pair, PlanarImage sr, ImageScore score) {}
