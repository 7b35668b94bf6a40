package io.srgrn.tck.reference;

import io.srgrn.api.spec.GrumSpec;

/**
 * {@link GrumSpec}, global reasoning upsampling (SPEC 3.4), F (B, C, H, W) to F_S (B, C, rH, rW):
 * <pre>
 * Yn  = CLC(aggregate(F));  Ync = expand.2(leaky_relu(expand.0(Yn^T)))
 * Yrc = (Ync @ Wp).reshape(B, r*r*C, H, W)
 * Ys  = gamma * pixel_shuffle(Yrc) + (1 - gamma) * pixel_shuffle(subpixel(F));  F_S = fuse(Ys)
 * </pre>
 * Without reasoning (ablation): {@code F_S = fuse(pixel_shuffle(subpixel(F)))}.
 */
public record GrumLayer(GrumSpec spec, PixelShuffle shuffle) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor x, ParameterScope scope) {
        int r = spec.r();
        Traced subpixel = new Conv2dLayer(spec.subpixel().spec()).forward(x, scope.child(spec.subpixel()));
        DoubleTensor upsampled = shuffle.forward(subpixel.output(), r);
        if (!spec.reasoning()) {
            Traced fuse = new Conv2dLayer(spec.fuse().spec()).forward(upsampled, scope.child(spec.fuse()));
            return new Traced(fuse.output(), upstream ->
                    subpixel.backprop().backward(shuffle.backward(fuse.backprop().backward(upstream), r)));
        }
        int batch = x.dim(0), h = x.dim(2), w = x.dim(3);
        int expanded = r * r * spec.channels();
        GraphReasoningLayer.Trace graph = new GraphReasoningLayer(spec.graph()).forward(x, scope);
        Traced expand0 = new Conv1dLayer(spec.expand0().spec())
                .forward(BatchedMatmulOp.transpose(graph.nodes()), scope.child(spec.expand0()));
        DoubleTensor activated = LeakyReluOp.forward(expand0.output(), spec.slope());
        Traced expand2 = new Conv1dLayer(spec.expand2().spec()).forward(activated, scope.child(spec.expand2()));
        DoubleTensor distributed = BatchedMatmulOp.forward(expand2.output(), graph.distribution());
        DoubleTensor reasoned = shuffle.forward(distributed.reshape(batch, expanded, h, w), r);
        double gamma = scope.scalar(GrumSpec.GAMMA);
        DoubleTensor blended = GammaBlendOp.mix(gamma, reasoned, upsampled);
        Traced fuse = new Conv2dLayer(spec.fuse().spec()).forward(blended, scope.child(spec.fuse()));

        return new Traced(fuse.output(), upstream -> {
            GammaBlendOp.Gradients blend = GammaBlendOp.mixBackward(gamma, reasoned, upsampled,
                    fuse.backprop().backward(upstream));
            scope.accumulate(GrumSpec.GAMMA, DoubleTensor.of(new double[] {blend.gamma()}, 1));
            DoubleTensor xGrad = subpixel.backprop().backward(shuffle.backward(blend.b(), r));
            DoubleTensor distributedGrad = shuffle.backward(blend.a(), r).reshape(batch, expanded, h * w);
            PairGradients mm = BatchedMatmulOp.backward(expand2.output(), graph.distribution(), distributedGrad);
            DoubleTensor bottleneckGrad = LeakyReluOp.backward(expand0.output(),
                    expand2.backprop().backward(mm.first()), spec.slope());
            DoubleTensor nodesGrad = BatchedMatmulOp.transpose(expand0.backprop().backward(bottleneckGrad));
            xGrad.addInPlace(graph.backprop().backward(nodesGrad, mm.second()));
            return xGrad;
        });
    }
}
