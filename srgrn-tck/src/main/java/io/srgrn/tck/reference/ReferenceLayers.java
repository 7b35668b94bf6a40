package io.srgrn.tck.reference;

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

/** The reference layer for each kind of {@link LayerSpec}, its parameters named from the top. */
public final class ReferenceLayers implements LayerVisitor<ReferenceLayer> {
    private final ParameterPath path = ParameterPath.root();
    private final PixelShuffle shuffle;

    private ReferenceLayers(PixelShuffle shuffle) {
        this.shuffle = shuffle;
    }

    public static ReferenceLayer build(LayerSpec spec, PixelShuffle shuffle) {
        return spec.accept(new ReferenceLayers(shuffle));
    }

    @Override
    public ReferenceLayer conv2d(Conv2dSpec spec) {
        return new Conv2dLayer(spec, path);
    }

    @Override
    public ReferenceLayer conv1d(Conv1dSpec spec) {
        return new Conv1dLayer(spec, path);
    }

    @Override
    public ReferenceLayer rdb(RdbSpec spec) {
        return new RdbLayer(spec, path);
    }

    @Override
    public ReferenceLayer rdn(RdnSpec spec) {
        return new RdnLayer(spec, path);
    }

    @Override
    public ReferenceLayer grum(GrumSpec spec) {
        return new GrumLayer(spec, path, shuffle);
    }

    @Override
    public ReferenceLayer grrb(GrrbSpec spec) {
        return new GrrbLayer(spec, path);
    }

    @Override
    public ReferenceLayer srgrn(SrgrnSpec spec) {
        return new SrgrnLayer(spec, path, shuffle);
    }
}
