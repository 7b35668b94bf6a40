package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import io.srgrn.api.spec.RdnSpec;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/** RDN feature extraction: F_L = gff.1(gff.0(concat(rdb outputs))) + sfe1(x). */
final class RdnLayer implements JavaCppLayer {
    private final Conv2dLayer sfe1;
    private final Conv2dLayer sfe2;
    private final List<RdbLayer> rdbs = new ArrayList<>();
    private final Conv2dLayer gff0;
    private final Conv2dLayer gff1;

    RdnLayer(RdnSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        sfe1 = new Conv2dLayer(spec.sfe1().spec(), path.child(spec.sfe1()), store, handles);
        sfe2 = new Conv2dLayer(spec.sfe2().spec(), path.child(spec.sfe2()), store, handles);
        for (Child<RdbSpec> rdb : spec.rdbs()) {
            rdbs.add(new RdbLayer(rdb.spec(), path.child(rdb), store, handles));
        }
        gff0 = new Conv2dLayer(spec.gff0().spec(), path.child(spec.gff0()), store, handles);
        gff1 = new Conv2dLayer(spec.gff1().spec(), path.child(spec.gff1()), store, handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Intermediates.scoped(
                () -> {
                    Tensor f1 = sfe1.forward(x);
                    // The RDB outputs and their concatenation are freed once global fusion has
                    // consumed them.
                    Tensor fused =
                            Intermediates.scoped(
                                    () -> {
                                        Tensor h = sfe2.forward(f1);
                                        List<Tensor> outs = new ArrayList<>(rdbs.size());
                                        for (RdbLayer rdb : rdbs) {
                                            h = rdb.forward(h); // an RDB frees its own
                                            // intermediates
                                            outs.add(h);
                                        }
                                        return gff0.forward(RdbLayer.concat(outs));
                                    });
                    return gff1.forward(fused).add(f1);
                });
    }
}
