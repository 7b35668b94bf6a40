package io.srgrn.backend.jcuda;

import static io.srgrn.backend.jcuda.KernelArg.CONST_POINTER;
import static io.srgrn.backend.jcuda.KernelArg.INT;
import static io.srgrn.backend.jcuda.KernelArg.LONG;
import static io.srgrn.backend.jcuda.KernelArg.POINTER;
import static io.srgrn.backend.jcuda.KernelArg.SCALAR;

import java.util.List;

/**
 * Every kernel of this backend: the resource file that holds it, its {@code extern "C"} name and
 * the argument list the Java side launches it with. The list is checked against the parsed source
 * by a unit test and again, at run time, by {@link KernelLaunch} before every launch.
 */
enum Kernel {
    RELU_FORWARD("elementwise", "relu_forward", POINTER, CONST_POINTER, LONG),
    RELU_BACKWARD("elementwise", "relu_backward", POINTER, CONST_POINTER, CONST_POINTER, LONG),
    LEAKY_RELU_FORWARD("elementwise", "leaky_relu_forward", POINTER, CONST_POINTER, SCALAR, LONG),
    LEAKY_RELU_BACKWARD(
            "elementwise",
            "leaky_relu_backward",
            POINTER,
            CONST_POINTER,
            CONST_POINTER,
            SCALAR,
            LONG),
    ADD_INTO("elementwise", "add_into", POINTER, CONST_POINTER, LONG),
    BIAS_ADD_NCL("elementwise", "bias_add_ncl", POINTER, CONST_POINTER, INT, INT, LONG),
    BIAS_GRAD_NCL("elementwise", "bias_grad_ncl", POINTER, CONST_POINTER, INT, INT, INT),
    TRANSPOSE_BATCHED("elementwise", "transpose_batched", POINTER, CONST_POINTER, INT, INT, LONG),
    CHANNEL_COPY(
            "concat",
            "channel_copy",
            POINTER,
            INT,
            INT,
            CONST_POINTER,
            INT,
            INT,
            INT,
            INT,
            INT,
            LONG),
    PIXEL_SHUFFLE_FORWARD(
            "pixel_shuffle",
            "pixel_shuffle_forward",
            POINTER,
            CONST_POINTER,
            INT,
            INT,
            INT,
            INT,
            LONG),
    PIXEL_SHUFFLE_BACKWARD(
            "pixel_shuffle",
            "pixel_shuffle_backward",
            POINTER,
            CONST_POINTER,
            INT,
            INT,
            INT,
            INT,
            LONG),
    NODE_SOFTMAX_FORWARD("softmax", "node_softmax_forward", POINTER, CONST_POINTER, INT, INT, LONG),
    NODE_SOFTMAX_BACKWARD(
            "softmax",
            "node_softmax_backward",
            POINTER,
            CONST_POINTER,
            CONST_POINTER,
            INT,
            INT,
            LONG),
    GAMMA_MIX_FORWARD(
            "blend",
            "gamma_mix_forward",
            POINTER,
            CONST_POINTER,
            CONST_POINTER,
            CONST_POINTER,
            LONG),
    GAMMA_MIX_BACKWARD(
            "blend", "gamma_mix_backward", POINTER, POINTER, CONST_POINTER, CONST_POINTER, LONG),
    GAMMA_RESIDUAL_FORWARD(
            "blend",
            "gamma_residual_forward",
            POINTER,
            CONST_POINTER,
            CONST_POINTER,
            CONST_POINTER,
            LONG),
    GAMMA_SCALE("blend", "gamma_scale", POINTER, CONST_POINTER, CONST_POINTER, LONG),
    REDUCE_PARTIAL(
            "reduce",
            "reduce_partial",
            POINTER,
            CONST_POINTER,
            CONST_POINTER,
            CONST_POINTER,
            INT,
            LONG),
    REDUCE_FINAL("reduce", "reduce_final", POINTER, CONST_POINTER, INT, SCALAR, INT),
    L1_BACKWARD("loss", "l1_backward", POINTER, CONST_POINTER, CONST_POINTER, SCALAR, LONG),
    ADAM_UPDATE(
            "adam",
            "adam_update",
            POINTER,
            CONST_POINTER,
            POINTER,
            POINTER,
            SCALAR,
            SCALAR,
            SCALAR,
            SCALAR,
            SCALAR,
            LONG);

    private final String file;
    private final String symbol;
    private final List<KernelArg> args;

    Kernel(String file, String symbol, KernelArg... args) {
        this.file = file;
        this.symbol = symbol;
        this.args = List.of(args);
    }

    /** The resource's base name under {@code kernels/}, without {@code .cu}. */
    String file() {
        return file;
    }

    /** The {@code extern "C"} name, as {@code cuModuleGetFunction} looks it up. */
    String symbol() {
        return symbol;
    }

    List<KernelArg> args() {
        return args;
    }
}
