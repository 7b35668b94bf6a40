package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.Conv2dSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.spec.RdbSpec;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/** Residual dense block: dense 3x3 convs with ReLU, 1x1 local fusion, residual. */
final class RdbLayer implements JavaCppLayer {
    private final List<Conv2dLayer> convs = new ArrayList<>();
    private final Conv2dLayer lff;

    RdbLayer(RdbSpec spec, ParameterPath path, ParameterStore store, NativeHandles handles) {
        for (Child<Conv2dSpec> conv : spec.convs()) {
            convs.add(new Conv2dLayer(conv.spec(), path.child(conv), store, handles));
        }
        lff = new Conv2dLayer(spec.lff().spec(), path.child(spec.lff()), store, handles);
    }

    @Override
    public Tensor forward(Tensor x) {
        return Intermediates.scoped(
                () -> {
                    List<Tensor> feats = new ArrayList<>();
                    feats.add(x);
                    for (Conv2dLayer conv : convs) {
                        List<Tensor> sofar = List.copyOf(feats);
                        // Each step's concatenation and pre-ReLU output go as soon as the ReLU
                        // exists.
                        feats.add(
                                Intermediates.scoped(
                                        () -> torch.relu(conv.forward(concat(sofar)))));
                    }
                    return lff.forward(concat(feats)).add(x);
                });
    }

    static Tensor concat(List<Tensor> parts) {
        return parts.size() == 1
                ? parts.get(0)
                : torch.cat(new TensorVector(parts.toArray(new Tensor[0])), 1);
    }
}
