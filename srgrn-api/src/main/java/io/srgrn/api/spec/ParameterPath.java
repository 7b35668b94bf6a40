package io.srgrn.api.spec;

import java.util.Objects;

/**
 * Where a layer's parameters sit in the flat, dotted parameter names of the spec that was compiled:
 * the {@link Child} names that lead from that spec to the layer ({@code upsample.0}, then {@code
 * proj}), empty at the top. Every backend and the reference resolve names through this one rule, so
 * a parameter is called the same everywhere ({@code upsample.0.proj.weight}); the local names
 * ({@code weight}, {@code gamma}) come from the specs' constants.
 *
 * @param prefix the dotted path, {@code ""} for the compiled spec itself
 */
public record ParameterPath(String prefix) {
    private static final ParameterPath ROOT = new ParameterPath("");

    public ParameterPath {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The path of the compiled spec itself. */
    public static ParameterPath root() {
        return ROOT;
    }

    /** The path of {@code child}, a child of the layer at this path. */
    public ParameterPath child(Child<?> child) {
        return new ParameterPath(name(child.name()));
    }

    /**
     * The full name of the parameter called {@code local} in the layer at this path, e.g. {@code
     * "rdbs.0.convs.1.weight"} for {@code weight} at {@code rdbs.0.convs.1}: the same joining as
     * {@link Child#param} and {@link ParamSpec#prefixed}.
     */
    public String name(String local) {
        return prefix.isEmpty() ? local : prefix + "." + local;
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? "(top)" : prefix;
    }
}
