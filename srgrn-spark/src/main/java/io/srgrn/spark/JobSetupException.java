package io.srgrn.spark;

/**
 * What was asked cannot be done as asked (the input does not exist, the output is a file): found on
 * the driver before any task runs, and answered with {@link SparkUpscale#USAGE}.
 */
public final class JobSetupException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JobSetupException(String message) {
        super(message);
    }
}
