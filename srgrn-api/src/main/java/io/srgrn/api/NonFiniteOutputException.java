package io.srgrn.api;

/** The network's output holds NaN or infinity (float32 overflow): an error, never an image. */
public class NonFiniteOutputException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public NonFiniteOutputException(String message) {
        super(message);
    }
}
