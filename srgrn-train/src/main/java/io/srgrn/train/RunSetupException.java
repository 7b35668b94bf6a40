package io.srgrn.train;

/**
 * A training run cannot start as asked: its settings, its data or the state of its folder (a run
 * already there, a finished run whose checkpoint is gone, no usable training image). The caller's
 * to fix, not a fault of the library: a command line reports it as a usage error.
 */
public class RunSetupException extends IllegalArgumentException {
    public RunSetupException(String message) {
        super(message);
    }
}
