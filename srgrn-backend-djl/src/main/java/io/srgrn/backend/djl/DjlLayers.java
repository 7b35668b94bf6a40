package io.srgrn.backend.djl;

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

/** Builds the layer tree of any {@link LayerSpec}, bound to the parameters of {@code store}. */
final class DjlLayers implements LayerVisitor<DjlLayer> {
    private final ParameterPath path = ParameterPath.root();
    private final ParameterStore store;

    private DjlLayers(ParameterStore store) {
        this.store = store;
    }

    static DjlLayer build(LayerSpec spec, ParameterStore store) {
        DjlLayer layer = spec.accept(new DjlLayers(store));
        store.requireAllUsed();
        return layer;
    }

    @Override
    public DjlLayer conv2d(Conv2dSpec spec) {
        return new Conv2dLayer(spec, path, store);
    }

    @Override
    public DjlLayer conv1d(Conv1dSpec spec) {
        return new Conv1dLayer(spec, path, store);
    }

    @Override
    public DjlLayer rdb(RdbSpec spec) {
        return new RdbLayer(spec, path, store);
    }

    @Override
    public DjlLayer rdn(RdnSpec spec) {
        return new RdnLayer(spec, path, store);
    }

    @Override
    public DjlLayer grum(GrumSpec spec) {
        return new GrumLayer(spec, path, store);
    }

    @Override
    public DjlLayer grrb(GrrbSpec spec) {
        return new GrrbLayer(spec, path, store);
    }

    @Override
    public DjlLayer srgrn(SrgrnSpec spec) {
        return new SrgrnLayer(spec, path, store);
    }
}
