package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.GrrbSpec;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Global reasoning reconstruction block (SPEC 3.5): F_S to the image, same H and W. */
final class GrrbLayer implements TorchLayer {
    private final GrrbSpec spec;
    private final GraphReasoningLayer graph;
    private final Tensor gamma;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;

    GrrbLayer(ParamScope scope, GrrbSpec spec, NativeHandles handles) {
        this.spec = spec;
        graph = spec.reasoning() ? new GraphReasoningLayer(scope, spec.graph(), handles) : null;
        gamma = spec.reasoning() ? scope.param(GrrbSpec.GAMMA) : null;
        tail0 = new Conv2dLayer(scope.child(spec.tail0()), spec.tail0().spec(), handles);
        tail1 = new Conv2dLayer(scope.child(spec.tail1()), spec.tail1().spec(), handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Intermediates.scoped(() -> {
            Tensor h = !spec.reasoning() ? x : Intermediates.scoped(() -> {
                long[] s = x.sizes().vec().get();
                Tensor yrc = torch.bmm(graph.nodes(x).transpose(1, 2), graph.weights(x)).reshape(s[0], s[1], s[2], s[3]);
                return yrc.mul(gamma).add(x);
            });
            Tensor t0 = Intermediates.scoped(() -> tail0.forward(h));
            return tail1.forward(t0);
        });
    }
}
