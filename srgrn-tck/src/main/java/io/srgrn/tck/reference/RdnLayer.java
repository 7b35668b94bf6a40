package io.srgrn.tck.reference;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RdnSpec}, the feature extraction of SPEC 3: {@code f1 = sfe1(x); h = sfe2(f1); h =
 * rdbs.d(h) for each d; F_L = gff.1(gff.0(concat(out_d))) + f1}.
 */
public final class RdnLayer implements ReferenceLayer {
    private final Conv2dLayer sfe1;
    private final Conv2dLayer sfe2;
    private final List<RdbLayer> rdbs = new ArrayList<>();
    private final Conv2dLayer gff0;
    private final Conv2dLayer gff1;

    public RdnLayer(RdnSpec spec, ParameterPath path) {
        sfe1 = new Conv2dLayer(spec.sfe1().spec(), path.child(spec.sfe1()));
        sfe2 = new Conv2dLayer(spec.sfe2().spec(), path.child(spec.sfe2()));
        for (Child<RdbSpec> rdb : spec.rdbs()) {
            rdbs.add(new RdbLayer(rdb.spec(), path.child(rdb)));
        }
        gff0 = new Conv2dLayer(spec.gff0().spec(), path.child(spec.gff0()));
        gff1 = new Conv2dLayer(spec.gff1().spec(), path.child(spec.gff1()));
    }

    @Override
    public Traced forward(DoubleTensor x, ReferenceParameters params) {
        Traced f1 = sfe1.forward(x, params);
        Traced f0 = sfe2.forward(f1.output(), params);
        List<Traced> blocks = new ArrayList<>();
        List<DoubleTensor> outs = new ArrayList<>();
        DoubleTensor h = f0.output();
        for (RdbLayer rdb : rdbs) {
            Traced block = rdb.forward(h, params);
            blocks.add(block);
            h = block.output();
            outs.add(h);
        }
        Traced g0 = gff0.forward(ChannelConcatOp.forward(outs), params);
        Traced g1 = gff1.forward(g0.output(), params);
        DoubleTensor out = g1.output().plus(f1.output());
        int[] widths = outs.stream().mapToInt(t -> t.dim(1)).toArray();
        return new Traced(
                out,
                upstream -> {
                    List<DoubleTensor> outGrads =
                            ChannelConcatOp.split(
                                    g0.backprop().backward(g1.backprop().backward(upstream)),
                                    widths);
                    // the gradient of block d's output: from the global fusion and from block d + 1
                    DoubleTensor carry = DoubleTensor.zeros(outGrads.get(0).shape());
                    for (int d = blocks.size() - 1; d >= 0; d--) {
                        carry = blocks.get(d).backprop().backward(outGrads.get(d).plus(carry));
                    }
                    DoubleTensor f1Grad = f0.backprop().backward(carry).plus(upstream);
                    return f1.backprop().backward(f1Grad);
                });
    }
}
