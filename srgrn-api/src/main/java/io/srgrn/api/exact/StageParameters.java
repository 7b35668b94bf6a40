package io.srgrn.api.exact;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import io.srgrn.api.spec.ParameterPath;
import io.srgrn.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole network's parameters, handed to sub-stages under their own spec's names: a child spec
 * compiled on its own takes {@code weight}, not {@code upsample.0.proj.weight}. Names are resolved
 * with {@link ParameterPath}, the rule every backend uses, so nothing here spells a SPEC name.
 */
final class StageParameters {
    private final Map<String, Tensor> all;

    StageParameters(Map<String, Tensor> all) {
        this.all = all;
    }

    /**
     * The parameters of {@code spec}, which sits at {@code path} in the network, under its local
     * names.
     */
    Map<String, Tensor> of(ParameterPath path, LayerSpec spec) {
        Map<String, Tensor> local = new LinkedHashMap<>();
        for (ParamSpec p : spec.parameters()) {
            local.put(p.name(), get(path.name(p.name())));
        }
        return local;
    }

    /** The parameters of {@code child} of the layer at {@code parent}. */
    Map<String, Tensor> of(ParameterPath parent, Child<?> child) {
        return of(parent.child(child), child.spec());
    }

    /** One tensor by its full name. */
    Tensor get(String fullName) {
        Tensor t = all.get(fullName);
        if (t == null) {
            throw new IllegalArgumentException(
                    "the network's parameters have no '" + fullName + "'");
        }
        return t;
    }
}
