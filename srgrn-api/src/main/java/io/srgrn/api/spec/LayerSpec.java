package io.srgrn.api.spec;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A backend-neutral description of one layer of SRGRN: what it computes (SPEC sections 2 and 3),
 * the names and shapes of its parameters, the shapes it accepts and produces, and its cost.
 *
 * <p>Specs are the single source of parameter names and shapes: backends read them from here and
 * never spell a name themselves. Composite specs name their children through {@link Child}; a layer
 * finds its parameters through its {@link ParameterPath}.
 *
 * <p>Code that does something different per kind (a backend building its layers) does it with a
 * {@link LayerVisitor}, so a new kind fails to compile until every such place handles it.
 */
public sealed interface LayerSpec
        permits Conv2dSpec, Conv1dSpec, RdbSpec, RdnSpec, GrumSpec, GrrbSpec, SrgrnSpec {

    /**
     * Every learnable tensor, own and children's, with names relative to this layer, in SPEC order.
     */
    List<ParamSpec> parameters();

    /**
     * The output shape for an input shape (batch included), or a {@link
     * io.srgrn.api.ShapeMismatchException} naming the layer, the expected and the actual shape.
     */
    int[] outputShape(int... inputShape);

    /**
     * Multiply-accumulate operations of one forward pass on an input of this shape (batch
     * included).
     */
    long macs(int... inputShape);

    /** {@code visitor}'s method for this kind of spec. */
    <R> R accept(LayerVisitor<R> visitor);

    /** A short human name, e.g. {@code "Conv2d(64->32, 3x3)"}. */
    String describe();

    default long parameterCount() {
        long n = 0;
        for (ParamSpec p : parameters()) {
            n += p.elementCount();
        }
        return n;
    }

    /** Floating point operations of one forward pass: two per multiply-accumulate. */
    default long flops(int... inputShape) {
        return 2 * macs(inputShape);
    }

    default ParamSpec parameter(String name) {
        for (ParamSpec p : parameters()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new NoSuchElementException("no parameter '" + name + "' in " + describe());
    }
}
