package io.srgrn.api.spec;

import java.util.List;

/**
 * A sub-layer of a composite spec under its SPEC name, e.g. {@code rdbs.3} or {@code clc.0}.
 * Backends resolve a child's parameters as {@code name + "." + parameter}.
 */
public record Child<T extends LayerSpec>(String name, T spec) {

    public List<ParamSpec> parameters() {
        return spec.parameters().stream().map(p -> p.prefixed(name)).toList();
    }

    /** The full name of one of this child's own parameters, e.g. {@code "clc.0.weight"}. */
    public String param(String parameter) {
        return name + "." + parameter;
    }
}
