package io.srgrn.api.exact;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spi.BackendContext;
import io.srgrn.api.spi.Module;
import io.srgrn.api.tensor.Tensor;

/**
 * One GRUM (SPEC 3.4) split into its global part, the node states pooled over the whole input
 * ({@link #head()}, absent without reasoning), and its local part given those states ({@link
 * #local}): {@code subpixel} and {@code fuse} run on the backend from their own specs; the
 * per-pixel mix of the expanded node states, the gamma blend and the pixel shuffle on the host.
 * Halo: one LR pixel for {@code subpixel} and one HR pixel for {@code fuse}, which is at most one
 * more LR pixel.
 */
final class GrumStage implements AutoCloseable {
    private final GrumSpec spec;
    private final Module subpixel;
    private final Module fuse;
    private final GraphHead head;
    private final HostConv1d expand0;
    private final HostConv1d expand2;
    private final float gamma;

    GrumStage(BackendContext context, Child<GrumSpec> child, StageParameters params) {
        this.spec = child.spec();
        ParameterPath path = ParameterPath.root().child(child);
        Module sub = context.compile(spec.subpixel().spec(), params.of(path, spec.subpixel()));
        Module fu = null;
        try {
            fu = context.compile(spec.fuse().spec(), params.of(path, spec.fuse()));
            this.head =
                    spec.reasoning() ? new GraphHead(context, path, spec.graph(), params) : null;
        } catch (RuntimeException e) {
            sub.close();
            if (fu != null) {
                fu.close();
            }
            throw e;
        }
        this.subpixel = sub;
        this.fuse = fu;
        if (spec.reasoning()) {
            this.expand0 = conv1d(path, spec.expand0(), params);
            this.expand2 = conv1d(path, spec.expand2(), params);
            this.gamma = params.get(path.name(GrumSpec.GAMMA)).data()[0];
        } else {
            this.expand0 = null;
            this.expand2 = null;
            this.gamma = 0;
        }
    }

    static HostConv1d conv1d(ParameterPath path, Child<?> child, StageParameters params) {
        ParameterPath p = path.child(child);
        return new HostConv1d(
                params.get(p.name(io.srgrn.api.spec.Conv2dSpec.WEIGHT)),
                params.get(p.name(io.srgrn.api.spec.Conv2dSpec.BIAS)));
    }

    /** The global part, or null when this GRUM has no reasoning (ablation {@code grum = false}). */
    GraphHead head() {
        return head;
    }

    /**
     * The local part, given the node states {@code Yn} (B, N, C) of the whole input (null without
     * reasoning).
     */
    LocalStage local(double[][][] nodeStates) {
        double[][][] expanded = null;
        if (head != null) {
            expanded = new double[nodeStates.length][][];
            for (int b = 0; b < nodeStates.length; b++) {
                double[][] bottleneck =
                        HostConv1d.leakyRelu(
                                expand0.apply(HostConv1d.transpose(nodeStates[b])), spec.slope());
                expanded[b] = expand2.apply(bottleneck); // r*r*C x N
            }
        }
        double[][][] ync = expanded;
        return new LocalStage() {
            @Override
            public int factor() {
                return spec.r();
            }

            @Override
            public int halo() {
                return 2;
            }

            @Override
            public int outChannels() {
                return spec.channels();
            }

            @Override
            public Tensor apply(Tensor window) {
                Tensor up = subpixel.forward(window);
                if (ync != null) {
                    float[] u = up.data(); // the subpixel output is this call's own: blend in place
                    GraphHead.blend(ync, head.weights(window), gamma, u, 1 - gamma, u);
                }
                return fuse.forward(PixelShuffle.apply(up, spec.r()));
            }
        };
    }

    @Override
    public void close() {
        subpixel.close();
        fuse.close();
        if (head != null) {
            head.close();
        }
    }
}
