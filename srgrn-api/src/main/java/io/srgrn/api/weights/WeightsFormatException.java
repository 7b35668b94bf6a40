package io.srgrn.api.weights;

import io.srgrn.api.SrgrnException;

/**
 * A weights or checkpoint file is malformed or does not fit the model; the message names file and
 * tensor.
 */
public class WeightsFormatException extends SrgrnException {
    public WeightsFormatException(String message) {
        super(message);
    }

    public WeightsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
