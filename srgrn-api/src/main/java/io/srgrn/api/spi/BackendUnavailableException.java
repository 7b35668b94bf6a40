package io.srgrn.api.spi;

import io.srgrn.api.SrgrnException;

/** No backend fits the request, or the chosen one cannot run here; the message says why. */
public class BackendUnavailableException extends SrgrnException {
    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
