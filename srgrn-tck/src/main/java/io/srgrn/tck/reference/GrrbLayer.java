package io.srgrn.tck.reference;

import io.srgrn.api.spec.GrrbSpec;

/**
 * {@link GrrbSpec}, global reasoning reconstruction (SPEC 3.5), F_S (B, C, H, W) to (B, out, H, W):
 * <pre>
 * Yn = CLC(aggregate(F_S));  Yrc = (Yn^T @ Wp).reshape(B, C, H, W)
 * I_SR = tail.1(tail.0(gamma * Yrc + F_S))
 * </pre>
 * Without reasoning (ablation): {@code I_SR = tail.1(tail.0(F_S))}.
 */
public record GrrbLayer(GrrbSpec spec) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor x, ParameterScope scope) {
        if (!spec.reasoning()) {
            return tails(x, scope);
        }
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        GraphReasoningLayer.Trace graph = new GraphReasoningLayer(spec.graph()).forward(x, scope);
        DoubleTensor nodesT = BatchedMatmulOp.transpose(graph.nodes());
        DoubleTensor reasoned = BatchedMatmulOp.forward(nodesT, graph.distribution()).reshape(batch, channels, h, w);
        double gamma = scope.scalar(GrrbSpec.GAMMA);
        Traced tails = tails(GammaBlendOp.residual(gamma, reasoned, x), scope);
        return new Traced(tails.output(), upstream -> {
            GammaBlendOp.Gradients blend = GammaBlendOp.residualBackward(gamma, reasoned,
                    tails.backprop().backward(upstream));
            scope.accumulate(GrrbSpec.GAMMA, DoubleTensor.of(new double[] {blend.gamma()}, 1));
            PairGradients mm = BatchedMatmulOp.backward(nodesT, graph.distribution(),
                    blend.a().reshape(batch, channels, h * w));
            DoubleTensor xGrad = blend.b();
            xGrad.addInPlace(graph.backprop().backward(BatchedMatmulOp.transpose(mm.first()), mm.second()));
            return xGrad;
        });
    }

    private Traced tails(DoubleTensor x, ParameterScope scope) {
        Traced tail0 = new Conv2dLayer(spec.tail0().spec()).forward(x, scope.child(spec.tail0()));
        Traced tail1 = new Conv2dLayer(spec.tail1().spec()).forward(tail0.output(), scope.child(spec.tail1()));
        return new Traced(tail1.output(), upstream -> tail0.backprop().backward(tail1.backprop().backward(upstream)));
    }
}
