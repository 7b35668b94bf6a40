package io.srgrn.backend.jcuda;

import io.srgrn.api.spec.Conv1dSpec;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.LayerVisitor;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spec.SrgrnSpec;

/** Builds the CUDA layer of any {@link LayerSpec}, bound to the parameters of {@code env}. */
final class CudaLayers implements LayerVisitor<CudaLayer> {
    private final LayerEnv env;

    private CudaLayers(LayerEnv env) {
        this.env = env;
    }

    static CudaLayer build(LayerSpec spec, LayerEnv env) {
        return spec.accept(new CudaLayers(env));
    }

    @Override
    public CudaLayer conv2d(Conv2dSpec spec) {
        return new Conv2dLayer(spec, env);
    }

    @Override
    public CudaLayer conv1d(Conv1dSpec spec) {
        return new Conv1dLayer(spec, env);
    }

    @Override
    public CudaLayer rdb(RdbSpec spec) {
        return new RdbLayer(spec, env);
    }

    @Override
    public CudaLayer rdn(RdnSpec spec) {
        return new RdnLayer(spec, env);
    }

    @Override
    public CudaLayer grum(GrumSpec spec) {
        return new GrumLayer(spec, env);
    }

    @Override
    public CudaLayer grrb(GrrbSpec spec) {
        return new GrrbLayer(spec, env);
    }

    @Override
    public CudaLayer srgrn(SrgrnSpec spec) {
        return new SrgrnLayer(spec, env);
    }
}
