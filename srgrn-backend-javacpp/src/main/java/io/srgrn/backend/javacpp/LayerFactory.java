package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;

/** Builds the libtorch layer for any {@link LayerSpec}. */
final class LayerFactory {
    private LayerFactory() {}

    static TorchLayer build(LayerSpec spec, ParamScope scope, NativeHandles handles) {
        if (spec instanceof Conv2dSpec s) {
            return new Conv2dLayer(scope, s, handles);
        }
        if (spec instanceof Conv1dSpec s) {
            return new Conv1dLayer(scope, s, handles);
        }
        if (spec instanceof RdbSpec s) {
            return new RdbLayer(scope, s, handles);
        }
        if (spec instanceof RdnSpec s) {
            return new RdnLayer(scope, s, handles);
        }
        if (spec instanceof GrumSpec s) {
            return new GrumLayer(scope, s, handles);
        }
        if (spec instanceof GrrbSpec s) {
            return new GrrbLayer(scope, s, handles);
        }
        if (spec instanceof SrgrnSpec s) {
            return new SrgrnLayer(scope, s, handles);
        }
        throw new IllegalArgumentException("the javacpp backend has no layer for " + spec.describe());
    }
}
