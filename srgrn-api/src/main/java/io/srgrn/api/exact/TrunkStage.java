package io.srgrn.api.exact;

import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdnSpec;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;

/**
 * The RDN trunk (F_L = H_FEX(I_LR)) compiled from its own spec: purely convolutional, so its halo
 * is its receptive field, one pixel per 3x3 convolution on the longest path: sfe1, sfe2, C per RDB
 * (the dense connections make every conv of a block follow the previous one), and gff.1.
 */
final class TrunkStage implements LocalStage, AutoCloseable {
    private final RdnSpec spec;
    private final Module module;

    TrunkStage(BackendContext context, RdnSpec spec, StageParameters params) {
        this.spec = spec;
        // the RDN's parameters sit at the top of SRGRN's names (SrgrnSpec)
        this.module = context.compile(spec, params.of(ParameterPath.root(), spec));
    }

    /** 3x3 convolutions on the trunk's longest path. */
    static int receptiveRadius(RdnSpec spec) {
        return 2 + spec.d() * spec.c() + 1;
    }

    @Override
    public int factor() {
        return 1;
    }

    @Override
    public int halo() {
        return receptiveRadius(spec);
    }

    @Override
    public int outChannels() {
        return spec.g0();
    }

    @Override
    public Tensor apply(Tensor window) {
        return module.forward(window);
    }

    @Override
    public void close() {
        module.close();
    }
}
