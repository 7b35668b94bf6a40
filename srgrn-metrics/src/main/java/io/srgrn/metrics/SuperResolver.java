package io.srgrn.metrics;

import io.srgrn.data.image.PlanarImage;

/**
 * An SR method as scoring sees it: an LR image in [0, 1] to its SR image. srgrn-metrics does not
 * depend on srgrn-api, so a model is adapted in one line where both are visible, e.g. {@code lr ->
 * model.upscale(DecodedImage.of(lr), false).color()} for an {@code io.srgrn.api.Srgrn}.
 */
@FunctionalInterface
public interface SuperResolver {
    PlanarImage upscale(PlanarImage lr);
}
