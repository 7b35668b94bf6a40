package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link RdbSpec}, residual dense block: {@code feats = [x]; for c: feats +=
 * relu(convs.c(concat(feats))); out = lff(concat(feats)) + x}.
 */
public final class RdbLayer implements ReferenceLayer {
    private final List<Conv2dLayer> convs = new ArrayList<>();
    private final Conv2dLayer lff;

    public RdbLayer(RdbSpec spec, ParameterPath path) {
        for (Child<Conv2dSpec> conv : spec.convs()) {
            convs.add(new Conv2dLayer(conv.spec(), path.child(conv)));
        }
        lff = new Conv2dLayer(spec.lff().spec(), path.child(spec.lff()));
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        List<DoubleTensor> feats = new ArrayList<>(List.of(x));
        List<DoubleTensor> preActivations = new ArrayList<>();
        List<Traced> traces = new ArrayList<>();
        for (Conv2dLayer conv : convs) {
            Traced traced = conv.forward(ChannelConcatOp.forward(feats), params);
            traces.add(traced);
            preActivations.add(traced.output());
            feats.add(ReluOp.forward(traced.output()));
        }
        Traced fused = lff.forward(ChannelConcatOp.forward(feats), params);
        DoubleTensor out = fused.output().plus(x);
        int[] widths = feats.stream().mapToInt(t -> t.dim(1)).toArray();
        return new Traced(
                out,
                upstream -> {
                    // featGrads[i] collects the gradient of feats[i] from lff and from every later
                    // conv
                    List<DoubleTensor> featGrads =
                            new ArrayList<>(
                                    ChannelConcatOp.split(
                                            fused.backprop().backward(upstream), widths));
                    for (int c = traces.size() - 1; c >= 0; c--) {
                        DoubleTensor pre =
                                ReluOp.backward(preActivations.get(c), featGrads.get(c + 1));
                        DoubleTensor concatGrad = traces.get(c).backprop().backward(pre);
                        List<DoubleTensor> parts =
                                ChannelConcatOp.split(concatGrad, Arrays.copyOf(widths, c + 1));
                        for (int i = 0; i <= c; i++) {
                            featGrads.get(i).addInPlace(parts.get(i));
                        }
                    }
                    return featGrads.get(0).plus(upstream);
                });
    }
}
