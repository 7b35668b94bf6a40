package io.srgrn.backend.djl;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;

/** Builds the layer tree of any {@link LayerSpec}, bound to the parameters of {@code store}. */
final class Layers {
    private Layers() {}

    static Layer build(LayerSpec spec, ParameterStore store) {
        Layer layer = build(spec, "", store);
        store.requireAllUsed();
        return layer;
    }

    private static Layer build(LayerSpec spec, String prefix, ParameterStore store) {
        if (spec instanceof Conv2dSpec s) {
            return ConvLayer.of(s, prefix, store);
        } else if (spec instanceof Conv1dSpec s) {
            return ConvLayer.of(s, prefix, store);
        } else if (spec instanceof RdbSpec s) {
            return new RdbLayer(s, prefix, store);
        } else if (spec instanceof RdnSpec s) {
            return new RdnLayer(s, prefix, store);
        } else if (spec instanceof GrumSpec s) {
            return new GrumLayer(s, prefix, store);
        } else if (spec instanceof GrrbSpec s) {
            return new GrrbLayer(s, prefix, store);
        } else if (spec instanceof SrgrnSpec s) {
            return new SrgrnLayer(s, prefix, store);
        }
        throw new IllegalArgumentException("the DJL backend cannot compile " + spec.describe());
    }
}
