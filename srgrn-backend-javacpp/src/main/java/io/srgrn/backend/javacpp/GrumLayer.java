package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.GrumSpec;
import io.srgrn.api.spec.ParameterPath;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Global reasoning upsampling module (SPEC 3.4): (B, C, H, W) to (B, C, rH, rW). */
final class GrumLayer implements JavaCppLayer {
    private final GrumSpec spec;
    private final GraphReasoningLayer graph;
    private final Conv1dLayer expand0;
    private final Conv1dLayer expand2;
    private final Tensor gamma;
    private final Scalar one;
    private final Conv2dLayer subpixel;
    private final Conv2dLayer fuse;

    GrumLayer(GrumSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        this.spec = spec;
        if (spec.reasoning()) {
            graph = new GraphReasoningLayer(spec.graph(), path, store, handles);
            expand0 =
                    new Conv1dLayer(
                            spec.expand0().spec(), path.child(spec.expand0()), store, handles);
            expand2 =
                    new Conv1dLayer(
                            spec.expand2().spec(), path.child(spec.expand2()), store, handles);
            gamma = store.leaf(path.name(GrumSpec.GAMMA));
            one = handles.keep(new Scalar(1.0));
        } else {
            graph = null;
            expand0 = null;
            expand2 = null;
            gamma = null;
            one = null;
        }
        subpixel =
                new Conv2dLayer(
                        spec.subpixel().spec(), path.child(spec.subpixel()), store, handles);
        fuse = new Conv2dLayer(spec.fuse().spec(), path.child(spec.fuse()), store, handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Intermediates.scoped(
                () -> {
                    Tensor blended = Intermediates.scoped(() -> blend(x));
                    Tensor shuffled =
                            Intermediates.scoped(() -> torch.pixel_shuffle(blended, spec.r()));
                    return fuse.forward(shuffled);
                });
    }

    /** H_UP, or with reasoning gamma * Yrc + (1 - gamma) * H_UP, before the pixel shuffle. */
    private Tensor blend(Tensor x) {
        Tensor up = subpixel.forward(x);
        if (!spec.reasoning()) {
            return up;
        }
        long[] s = x.sizes().vec().get();
        Tensor yrc =
                Intermediates.scoped(
                        () -> {
                            Tensor yn = graph.nodes(x);
                            Tensor wp = graph.weights(x);
                            Tensor ync =
                                    expand2.forward(
                                            graph.leakyRelu(expand0.forward(yn.transpose(1, 2))));
                            return torch.bmm(ync, wp)
                                    .reshape(s[0], (long) spec.r() * spec.r() * s[1], s[2], s[3]);
                        });
        // gamma * ps(Yrc) + (1 - gamma) * ps(up) == ps(gamma * Yrc + (1 - gamma) * up) element for
        // element: the pixel shuffle only moves elements, so one shuffle does both.
        return yrc.mul(gamma).add(up.mul(gamma.neg().add(one)));
    }
}
