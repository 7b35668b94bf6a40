package io.srgrn.backend.jcuda;

/**
 * The type of one kernel parameter as the Java launcher passes it. The CUDA spelling is what a
 * kernel source declares after the type placeholders are filled in; {@link KernelSignature}
 * compares the two, so a launch whose arguments do not match the kernel's parameters fails in a
 * unit test, not on a GPU.
 */
enum KernelArg {
    /** A device pointer to elements ({@code T*}). */
    POINTER("float*"),
    /** A device pointer to read-only elements ({@code const T*}). */
    CONST_POINTER("const float*"),
    /** A 32-bit signed integer. */
    INT("int"),
    /** A 64-bit element count. */
    LONG("long long"),
    /** A float32 scalar ({@code T}). */
    SCALAR("float");

    private final String cuda;

    KernelArg(String cuda) {
        this.cuda = cuda;
    }

    /** The parameter type as the generated float32 source spells it. */
    String cudaType() {
        return cuda;
    }

    /** Bytes this argument occupies in the launch's parameter buffer. */
    int bytes() {
        return switch (this) {
            case POINTER, CONST_POINTER, LONG -> 8;
            case INT, SCALAR -> 4;
        };
    }
}
