package io.srgrn.tck.reference;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;

/** The reference layer for each kind of {@link LayerSpec}. */
public final class ReferenceLayers {
    private ReferenceLayers() {}

    public static ReferenceLayer of(LayerSpec spec, PixelShuffle shuffle) {
        if (spec instanceof Conv2dSpec s) {
            return new Conv2dLayer(s);
        } else if (spec instanceof Conv1dSpec s) {
            return new Conv1dLayer(s);
        } else if (spec instanceof RdbSpec s) {
            return new RdbLayer(s);
        } else if (spec instanceof RdnSpec s) {
            return new RdnLayer(s);
        } else if (spec instanceof GrumSpec s) {
            return new GrumLayer(s, shuffle);
        } else if (spec instanceof GrrbSpec s) {
            return new GrrbLayer(s);
        } else if (spec instanceof SrgrnSpec s) {
            return new SrgrnLayer(s, shuffle);
        }
        throw new IllegalArgumentException("no reference layer for " + spec.describe());
    }
}
