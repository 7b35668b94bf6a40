package io.srgrn.api;

/**
 * A tensor has the wrong rank, channel count or shape for the layer or parameter it is given to.
 * Every backend throws this, with the same wording, before touching native code.
 */
public class ShapeMismatchException extends IllegalArgumentException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
