package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RdnSpec}, the feature extraction of SPEC 3:
 * {@code f1 = sfe1(x); h = sfe2(f1); h = rdbs.d(h) for each d; F_L = gff.1(gff.0(concat(out_d))) + f1}.
 */
public record RdnLayer(RdnSpec spec) implements ReferenceLayer {
    @Override
    public Traced forward(DoubleTensor input, ParameterScope scope) {
        Traced sfe1 = new Conv2dLayer(spec.sfe1().spec()).forward(input, scope.child(spec.sfe1()));
        Traced sfe2 = new Conv2dLayer(spec.sfe2().spec()).forward(sfe1.output(), scope.child(spec.sfe2()));
        List<Traced> blocks = new ArrayList<>();
        List<DoubleTensor> outs = new ArrayList<>();
        DoubleTensor h = sfe2.output();
        for (Child<RdbSpec> child : spec.rdbs()) {
            Traced block = new RdbLayer(child.spec()).forward(h, scope.child(child));
            blocks.add(block);
            h = block.output();
            outs.add(h);
        }
        Traced gff0 = new Conv2dLayer(spec.gff0().spec()).forward(ChannelConcatOp.forward(outs), scope.child(spec.gff0()));
        Traced gff1 = new Conv2dLayer(spec.gff1().spec()).forward(gff0.output(), scope.child(spec.gff1()));
        DoubleTensor out = gff1.output().plus(sfe1.output());
        int[] widths = outs.stream().mapToInt(t -> t.dim(1)).toArray();
        return new Traced(out, upstream -> {
            List<DoubleTensor> outGrads = ChannelConcatOp.split(
                    gff0.backprop().backward(gff1.backprop().backward(upstream)), widths);
            // the gradient of block d's output: from the global fusion and from block d + 1
            DoubleTensor carry = DoubleTensor.zeros(outGrads.get(0).shape());
            for (int d = blocks.size() - 1; d >= 0; d--) {
                carry = blocks.get(d).backprop().backward(outGrads.get(d).plus(carry));
            }
            DoubleTensor f1Grad = sfe2.backprop().backward(carry).plus(upstream);
            return sfe1.backprop().backward(f1Grad);
        });
    }
}
