package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.GrrbSpec;
import io.srgrn.api.spec.ParameterPath;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Global reasoning reconstruction block (SPEC 3.5): F_S to the image, same H and W. */
final class GrrbLayer implements JavaCppLayer {
    private final GrrbSpec spec;
    private final GraphReasoningLayer graph;
    private final Tensor gamma;
    private final Conv2dLayer tail0;
    private final Conv2dLayer tail1;

    GrrbLayer(GrrbSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        this.spec = spec;
        graph =
                spec.reasoning()
                        ? new GraphReasoningLayer(spec.graph(), path, store, handles)
                        : null;
        gamma = spec.reasoning() ? store.leaf(path.name(GrrbSpec.GAMMA)) : null;
        tail0 = new Conv2dLayer(spec.tail0().spec(), path.child(spec.tail0()), store, handles);
        tail1 = new Conv2dLayer(spec.tail1().spec(), path.child(spec.tail1()), store, handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Intermediates.scoped(
                () -> {
                    Tensor h =
                            !spec.reasoning()
                                    ? x
                                    : Intermediates.scoped(
                                            () -> {
                                                long[] s = x.sizes().vec().get();
                                                Tensor yrc =
                                                        torch.bmm(
                                                                        graph.nodes(x)
                                                                                .transpose(1, 2),
                                                                        graph.weights(x))
                                                                .reshape(s[0], s[1], s[2], s[3]);
                                                return yrc.mul(gamma).add(x);
                                            });
                    Tensor t0 = Intermediates.scoped(() -> tail0.forward(h));
                    return tail1.forward(t0);
                });
    }
}
