package io.srgrn.backend.jcuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checked arguments of one kernel launch, before anything native: the values must match the
 * kernel's declared {@link KernelArg}s in number and kind, device pointers must be non-null,
 * element counts non-negative. A wrong launch fails here with the kernel's name and the argument's
 * position instead of corrupting device memory.
 */
final class KernelArguments {
    private final Kernel kernel;
    private final List<Object> values = new ArrayList<>();

    private KernelArguments(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Checks {@code args} against {@code kernel}'s declaration: Long for pointers and counts,
     * Integer, Float.
     */
    static KernelArguments of(Kernel kernel, Object... args) {
        Objects.requireNonNull(kernel, "kernel");
        List<KernelArg> declared = kernel.args();
        if (args.length != declared.size()) {
            throw new IllegalArgumentException(
                    "kernel "
                            + kernel.symbol()
                            + " takes "
                            + declared.size()
                            + " arguments "
                            + declared
                            + ", got "
                            + args.length);
        }
        KernelArguments out = new KernelArguments(kernel);
        for (int i = 0; i < args.length; i++) {
            out.values.add(check(kernel, i, declared.get(i), args[i]));
        }
        return out;
    }

    private static Object check(Kernel kernel, int i, KernelArg kind, Object value) {
        String where = "argument " + i + " (" + kind + ") of kernel " + kernel.symbol();
        switch (kind) {
            case POINTER, CONST_POINTER -> {
                if (!(value instanceof Long p)) {
                    throw new IllegalArgumentException(
                            where + " must be a device address (Long), got " + describe(value));
                }
                if (p == 0) {
                    throw new IllegalArgumentException(where + " is a null device pointer");
                }
            }
            case LONG -> {
                if (!(value instanceof Long n) || n < 0) {
                    throw new IllegalArgumentException(
                            where + " must be a count >= 0 (Long), got " + describe(value));
                }
            }
            case INT -> {
                if (!(value instanceof Integer)) {
                    throw new IllegalArgumentException(
                            where + " must be an Integer, got " + describe(value));
                }
            }
            case SCALAR -> {
                if (!(value instanceof Float f) || !Float.isFinite(f)) {
                    throw new IllegalArgumentException(
                            where + " must be a finite Float, got " + describe(value));
                }
            }
            default -> throw new AssertionError(kind);
        }
        return value;
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
    }

    Kernel kernel() {
        return kernel;
    }

    /** The checked values, in order: Long, Integer or Float. */
    List<Object> values() {
        return List.copyOf(values);
    }

    /**
     * Blocks for {@code n} elements at {@link KernelSource#BLOCK} threads each, capped for
     * grid-stride loops.
     */
    static int gridFor(long n) {
        long blocks = (n + KernelSource.BLOCK - 1) / KernelSource.BLOCK;
        return (int) Math.max(1, Math.min(blocks, 65_535L * 16));
    }
}
