package io.srgrn.api.exact;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;

/**
 * GRRB (SPEC 3.5) split like {@link GrumStage}: the node states are global, the rest ({@code gamma
 * * Yn^T @ Wp + F_S}, then {@code tail.0} and {@code tail.1}) is local with a halo of two pixels,
 * one per tail convolution.
 */
final class GrrbStage implements AutoCloseable {
    private final GrrbSpec spec;
    private final Module tail0;
    private final Module tail1;
    private final GraphHead head;
    private final float gamma;

    GrrbStage(BackendContext context, Child<GrrbSpec> child, StageParameters params) {
        this.spec = child.spec();
        ParameterPath path = ParameterPath.root().child(child);
        Module t0 = context.compile(spec.tail0().spec(), params.of(path, spec.tail0()));
        Module t1 = null;
        try {
            t1 = context.compile(spec.tail1().spec(), params.of(path, spec.tail1()));
            this.head =
                    spec.reasoning() ? new GraphHead(context, path, spec.graph(), params) : null;
        } catch (RuntimeException e) {
            t0.close();
            if (t1 != null) {
                t1.close();
            }
            throw e;
        }
        this.tail0 = t0;
        this.tail1 = t1;
        this.gamma = spec.reasoning() ? params.get(path.name(GrrbSpec.GAMMA)).data()[0] : 0;
    }

    /** The global part, or null when GRRB has no reasoning (ablation {@code grrb = false}). */
    GraphHead head() {
        return head;
    }

    /**
     * The local part, given the node states {@code Yn} (B, N, C) of the whole input (null without
     * reasoning).
     */
    LocalStage local(double[][][] nodeStates) {
        double[][][] perChannel = null;
        if (head != null) {
            perChannel = new double[nodeStates.length][][];
            for (int b = 0; b < nodeStates.length; b++) {
                perChannel[b] = HostConv1d.transpose(nodeStates[b]); // C x N
            }
        }
        double[][][] ynT = perChannel;
        return new LocalStage() {
            @Override
            public int factor() {
                return 1;
            }

            @Override
            public int halo() {
                return 2;
            }

            @Override
            public int outChannels() {
                return spec.outChannels();
            }

            @Override
            public Tensor apply(Tensor window) {
                Tensor z = window;
                if (ynT != null) {
                    // the window may be a kept feature map (host retention): never blend in place
                    float[] sum = new float[window.size()];
                    GraphHead.blend(ynT, head.weights(window), gamma, window.data(), 1, sum);
                    z = Tensor.of(sum, window.shape());
                }
                return tail1.forward(tail0.forward(z));
            }
        };
    }

    @Override
    public void close() {
        tail0.close();
        tail1.close();
        if (head != null) {
            head.close();
        }
    }
}
