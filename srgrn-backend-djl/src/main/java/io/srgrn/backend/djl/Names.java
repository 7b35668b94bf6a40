package io.srgrn.backend.djl;

import io.srgrn.api.spec.Child;
import io.srgrn.api.spec.ParamSpec;

/**
 * Full parameter names of nested layers, joined only through the specs' own API ({@link Child#param},
 * {@link ParamSpec#prefixed}), so the backend never decides how names look.
 */
final class Names {
    private Names() {}

    /** The prefix of {@code child} inside a layer whose prefix is {@code prefix} ("" for the root). */
    static String child(String prefix, Child<?> child) {
        return prefix.isEmpty() ? child.name() : new Child<>(prefix, child.spec()).param(child.name());
    }

    /** The full name of parameter {@code p} of a layer whose prefix is {@code prefix}. */
    static String param(String prefix, ParamSpec p) {
        return prefix.isEmpty() ? p.name() : p.prefixed(prefix).name();
    }
}
