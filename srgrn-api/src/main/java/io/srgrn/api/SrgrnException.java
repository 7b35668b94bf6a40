package io.srgrn.api;

/** Base of the library's own failures that are not plain argument errors. */
public class SrgrnException extends RuntimeException {
    public SrgrnException(String message) {
        super(message);
    }

    public SrgrnException(String message, Throwable cause) {
        super(message, cause);
    }
}
