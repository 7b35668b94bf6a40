package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.LayerVisitor;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;

/**
 * Builds the libtorch layer for any {@link LayerSpec}, bound to the parameters of {@code store}.
 */
final class JavaCppLayers implements LayerVisitor<JavaCppLayer> {
    private final ParameterPath path = ParameterPath.root();
    private final ParameterStore store;
    private final NativeHandles handles;

    private JavaCppLayers(ParameterStore store, NativeHandles handles) {
        this.store = store;
        this.handles = handles;
    }

    static JavaCppLayer build(LayerSpec spec, ParameterStore store, NativeHandles handles) {
        return spec.accept(new JavaCppLayers(store, handles));
    }

    @Override
    public JavaCppLayer conv2d(Conv2dSpec spec) {
        return new Conv2dLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer conv1d(Conv1dSpec spec) {
        return new Conv1dLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer rdb(RdbSpec spec) {
        return new RdbLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer rdn(RdnSpec spec) {
        return new RdnLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer grum(GrumSpec spec) {
        return new GrumLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer grrb(GrrbSpec spec) {
        return new GrrbLayer(spec, path, store, handles);
    }

    @Override
    public JavaCppLayer srgrn(SrgrnSpec spec) {
        return new SrgrnLayer(spec, path, store, handles);
    }
}
