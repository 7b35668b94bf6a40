package io.srgrn.backend.djl;

import ai.djl.ndarray.NDArray;
import io.srgrn.api.spec.LayerSpec;
import io.srgrn.api.spec.ParamSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A module's parameters by SPEC name, in spec order. Layers hold {@link Slot}s, resolved once at
 * compile time; new values are copied into the slots' arrays in place.
 */
final class ParameterStore {

    /** One parameter: its spec and its current native array (requires grad). */
    static final class Slot {
        private final ParamSpec spec;
        private NDArray value;

        private Slot(ParamSpec spec) {
            this.spec = spec;
        }

        ParamSpec spec() {
            return spec;
        }

        String name() {
            return spec.name();
        }

        NDArray value() {
            return value;
        }

        /**
         * Makes {@code array} this parameter's value, tracked by autograd; once, at compile time.
         */
        void install(NDArray array) {
            if (value != null) {
                throw new IllegalStateException("parameter '" + name() + "' is already installed");
            }
            array.setRequiresGradient(true);
            value = array;
        }
    }

    private final LayerSpec spec;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    ParameterStore(LayerSpec spec) {
        this.spec = spec;
        for (ParamSpec p : spec.parameters()) {
            slots.put(p.name(), new Slot(p));
        }
    }

    /** The slot of parameter {@code name}; a name the spec does not list is a bug in a layer. */
    Slot slot(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            throw new IllegalStateException(
                    "layer asked for parameter '"
                            + name
                            + "', which "
                            + spec.describe()
                            + " does not list; known: "
                            + slots.keySet());
        }
        used.add(name);
        return s;
    }

    /** Fails when a parameter of the spec is used by no layer: it would never be trained. */
    void requireAllUsed() {
        Set<String> unused = new HashSet<>(slots.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(
                    "parameters of " + spec.describe() + " not used by any layer: " + unused);
        }
    }

    Collection<Slot> slots() {
        return Collections.unmodifiableCollection(slots.values());
    }

    Slot get(String name) {
        return slots.get(name);
    }
}
