package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RdbSpec}, residual dense block:
 * {@code feats = [x]; for c: feats += relu(convs.c(concat(feats))); out = lff(concat(feats)) + x}.
 */
public record RdbLayer(RdbSpec spec) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor input, ParameterScope scope) {
        List<DoubleTensor> feats = new ArrayList<>(List.of(input));
        List<DoubleTensor> preActivations = new ArrayList<>();
        List<Traced> convs = new ArrayList<>();
        for (Child<Conv2dSpec> child : spec.convs()) {
            Traced conv = new Conv2dLayer(child.spec()).forward(ChannelConcatOp.forward(feats), scope.child(child));
            convs.add(conv);
            preActivations.add(conv.output());
            feats.add(ReluOp.forward(conv.output()));
        }
        Traced lff = new Conv2dLayer(spec.lff().spec()).forward(ChannelConcatOp.forward(feats), scope.child(spec.lff()));
        DoubleTensor out = lff.output().plus(input);
        int[] widths = feats.stream().mapToInt(t -> t.dim(1)).toArray();
        return new Traced(out, upstream -> {
            // featGrads[i] collects the gradient of feats[i] from lff and from every later conv
            List<DoubleTensor> featGrads = new ArrayList<>(ChannelConcatOp.split(lff.backprop().backward(upstream), widths));
            for (int c = convs.size() - 1; c >= 0; c--) {
                DoubleTensor pre = ReluOp.backward(preActivations.get(c), featGrads.get(c + 1));
                DoubleTensor concatGrad = convs.get(c).backprop().backward(pre);
                List<DoubleTensor> parts = ChannelConcatOp.split(concatGrad, java.util.Arrays.copyOf(widths, c + 1));
                for (int i = 0; i <= c; i++) {
                    featGrads.get(i).addInPlace(parts.get(i));
                }
            }
            return featGrads.get(0).plus(upstream);
        });
    }
}
