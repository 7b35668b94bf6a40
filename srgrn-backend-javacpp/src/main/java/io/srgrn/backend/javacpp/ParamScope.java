package io.srgrn.backend.javacpp;

import io.srgrn.api.spec.Child;
import org.bytedeco.pytorch.Tensor;

/**
 * Where a layer finds its parameters in a {@link ParameterStore}: the dotted path of the
 * {@link Child} names that lead to it from the compiled spec ({@code ""} at the top).
 */
record ParamScope(ParameterStore store, String prefix) {

    /** The scope of {@code child} inside this one. */
    ParamScope child(Child<?> child) {
        return new ParamScope(store, qualify(child.name()));
    }

    /** The parameter {@code local} (a {@link io.srgrn.api.spec.ParamSpec} name of the layer) of this scope. */
    Tensor param(String local) {
        return store.leaf(qualify(local));
    }

    // The same joining rule as Child.param and ParamSpec.prefixed; ParameterStore.requireAllUsed
    // checks afterwards that the names resolved here are exactly the spec's.
    private String qualify(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
