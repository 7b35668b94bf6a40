package io.srgrn.tck.reference;

import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.ParameterPath;

/**
 * {@link GrrbSpec}, global reasoning reconstruction (SPEC 3.5), F_S (B, C, H, W) to (B, out, H, W):
 *
 * <pre>
 * Yn = CLC(aggregate(F_S));  Yrc = (Yn^T @ Wp).reshape(B, C, H, W)
 * I_SR = tail.1(tail.0(gamma * Yrc + F_S))
 * </pre>
 *
 * Without reasoning (ablation): {@code I_SR = tail.1(tail.0(F_S))}.
 */
public final class GrrbLayer implements ReferenceLayer {
    private final GrrbSpec spec;
    private final GraphReasoningLayer graph;
    private final String gamma;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;

    public GrrbLayer(GrrbSpec spec, ParameterPath path) {
        this.spec = spec;
        graph = spec.reasoning() ? new GraphReasoningLayer(spec.graph(), path) : null;
        gamma = spec.reasoning() ? path.name(GrrbSpec.GAMMA) : null;
        tail0 = new Conv2dLayer(spec.tail0().spec(), path.child(spec.tail0()));
        tail1 = new Conv2dLayer(spec.tail1().spec(), path.child(spec.tail1()));
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        if (!spec.reasoning()) {
            return tails(x, params);
        }
        int batch = x.dim(0), channels = x.dim(1), h = x.dim(2), w = x.dim(3);
        GraphReasoningLayer.Trace g = graph.forward(x, params);
        DoubleTensor nodesT = BatchedMatmulOp.transpose(g.nodes());
        DoubleTensor reasoned =
                BatchedMatmulOp.forward(nodesT, g.weights()).reshape(batch, channels, h, w);
        double gammaValue = params.scalar(gamma);
        Traced tails = tails(GammaBlendOp.residual(gammaValue, reasoned, x), params);
        return new Traced(
                tails.output(),
                upstream -> {
                    GammaBlendOp.Gradients blend =
                            GammaBlendOp.residualBackward(
                                    gammaValue, reasoned, tails.backprop().backward(upstream));
                    params.accumulate(gamma, DoubleTensor.of(new double[] {blend.gamma()}, 1));
                    PairGradients mm =
                            BatchedMatmulOp.backward(
                                    nodesT, g.weights(), blend.a().reshape(batch, channels, h * w));
                    DoubleTensor xGrad = blend.b();
                    xGrad.addInPlace(
                            g.backprop()
                                    .backward(BatchedMatmulOp.transpose(mm.first()), mm.second()));
                    return xGrad;
                });
    }

    private Traced tails(DoubleTensor x, ReferenceParameters params) {
        Traced t0 = tail0.forward(x, params);
        Traced t1 = tail1.forward(t0.output(), params);
        return new Traced(
                t1.output(), upstream -> t0.backprop().backward(t1.backprop().backward(upstream)));
    }
}
