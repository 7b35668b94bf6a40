package io.srgrn.api.spec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One learnable tensor of a layer: its SPEC name (PyTorch {@code state_dict} style), shape and
 * initialisation (SPEC section 4).
 *
 * @param name dotted name relative to the layer that lists it
 * @param shape dimensions (defensively copied)
 * @param init how it is initialised
 * @param fanIn fan-in of the owning conv (the bound of the uniform init is 1/sqrt(fanIn)); 0 for
 *     ZERO
 */
public record ParamSpec(String name, int[] shape, Init init, int fanIn) {

    /**
     * SPEC section 4: PyTorch's conv defaults, which both reduce to U(-1/sqrt(fanIn),
     * 1/sqrt(fanIn)); gammas are 0.
     */
    public enum Init {
        /**
         * kaiming_uniform_(a = sqrt(5)) for weights and PyTorch's bias init: both
         * U(+-1/sqrt(fanIn)).
         */
        UNIFORM_FAN_IN,
        ZERO
    }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        Objects.requireNonNull(init, "init");
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The same parameter under {@code prefix + "." + name}. */
    public ParamSpec prefixed(String prefix) {
        return new ParamSpec(prefix + "." + name, shape, init, fanIn);
    }

    public boolean hasShape(int[] other) {
        return Arrays.equals(shape, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamSpec p
                && name.equals(p.name)
                && Arrays.equals(shape, p.shape)
                && init == p.init
                && fanIn == p.fanIn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), init, fanIn);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
