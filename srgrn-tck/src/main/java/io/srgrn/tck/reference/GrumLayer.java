package io.srgrn.tck.reference;

import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;

/**
 * {@link GrumSpec}, global reasoning upsampling (SPEC 3.4), F (B, C, H, W) to F_S (B, C, rH, rW):
 *
 * <pre>
 * Yn  = CLC(aggregate(F));  Ync = expand.2(leaky_relu(expand.0(Yn^T)))
 * Yrc = (Ync @ Wp).reshape(B, r*r*C, H, W)
 * Ys  = gamma * pixel_shuffle(Yrc) + (1 - gamma) * pixel_shuffle(subpixel(F));  F_S = fuse(Ys)
 * </pre>
 *
 * Without reasoning (ablation): {@code F_S = fuse(pixel_shuffle(subpixel(F)))}.
 */
public final class GrumLayer implements ReferenceLayer {
    private final GrumSpec spec;
    private final PixelShuffle shuffle;
    private final GraphReasoningLayer graph;
    private final Conv1dLayer expand0;
    private final Conv1dLayer expand2;
    private final String gamma;
    private final Conv2dLayer subpixel;
    private final Conv2dLayer fuse;

    public GrumLayer(GrumSpec spec, ParameterPath path, PixelShuffle shuffle) {
        this.spec = spec;
        this.shuffle = shuffle;
        if (spec.reasoning()) {
            graph = new GraphReasoningLayer(spec.graph(), path);
            expand0 = new Conv1dLayer(spec.expand0().spec(), path.child(spec.expand0()));
            expand2 = new Conv1dLayer(spec.expand2().spec(), path.child(spec.expand2()));
            gamma = path.name(GrumSpec.GAMMA);
        } else {
            graph = null;
            expand0 = null;
            expand2 = null;
            gamma = null;
        }
        subpixel = new Conv2dLayer(spec.subpixel().spec(), path.child(spec.subpixel()));
        fuse = new Conv2dLayer(spec.fuse().spec(), path.child(spec.fuse()));
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        int r = spec.r();
        Traced sub = subpixel.forward(x, params);
        DoubleTensor upsampled = shuffle.forward(sub.output(), r);
        if (!spec.reasoning()) {
            Traced fused = fuse.forward(upsampled, params);
            return new Traced(
                    fused.output(),
                    upstream ->
                            sub.backprop()
                                    .backward(
                                            shuffle.backward(
                                                    fused.backprop().backward(upstream), r)));
        }
        int batch = x.dim(0), h = x.dim(2), w = x.dim(3);
        int expanded = r * r * spec.channels();
        GraphReasoningLayer.Trace g = graph.forward(x, params);
        Traced e0 = expand0.forward(BatchedMatmulOp.transpose(g.nodes()), params);
        DoubleTensor activated = LeakyReluOp.forward(e0.output(), spec.slope());
        Traced e2 = expand2.forward(activated, params);
        DoubleTensor distributed = BatchedMatmulOp.forward(e2.output(), g.weights());
        DoubleTensor reasoned = shuffle.forward(distributed.reshape(batch, expanded, h, w), r);
        double gammaValue = params.scalar(gamma);
        DoubleTensor blended = GammaBlendOp.mix(gammaValue, reasoned, upsampled);
        Traced fused = fuse.forward(blended, params);

        return new Traced(
                fused.output(),
                upstream -> {
                    GammaBlendOp.Gradients blend =
                            GammaBlendOp.mixBackward(
                                    gammaValue,
                                    reasoned,
                                    upsampled,
                                    fused.backprop().backward(upstream));
                    params.accumulate(gamma, DoubleTensor.of(new double[] {blend.gamma()}, 1));
                    DoubleTensor xGrad = sub.backprop().backward(shuffle.backward(blend.b(), r));
                    DoubleTensor distributedGrad =
                            shuffle.backward(blend.a(), r).reshape(batch, expanded, h * w);
                    PairGradients mm =
                            BatchedMatmulOp.backward(e2.output(), g.weights(), distributedGrad);
                    DoubleTensor bottleneckGrad =
                            LeakyReluOp.backward(
                                    e0.output(), e2.backprop().backward(mm.first()), spec.slope());
                    DoubleTensor nodesGrad =
                            BatchedMatmulOp.transpose(e0.backprop().backward(bottleneckGrad));
                    xGrad.addInPlace(g.backprop().backward(nodesGrad, mm.second()));
                    return xGrad;
                });
    }
}
