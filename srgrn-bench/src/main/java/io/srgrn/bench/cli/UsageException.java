package io.srgrn.bench.cli;

/**
 * A problem with what the user asked for, found after parsing (a missing input file, an output that
 * exists without {@code --force}, options that contradict each other): reported in one line and
 * answered with {@link ExitCodes#USAGE}.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
