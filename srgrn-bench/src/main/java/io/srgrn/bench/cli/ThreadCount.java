package io.srgrn.bench.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts {@code --threads}: a whole number of at least 0 (0: the backend's choice). Checked while
 * the command line is parsed, so that a negative count is a usage error (exit 2) on every command
 * that has the option, before any model is loaded, rather than a failure deep in a backend (exit
 * 1).
 */
final class ThreadCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of threads");
        }
        if (n < 0) {
            throw new TypeConversionException("--threads must be >= 0 (0: one per core), got " + n);
        }
        return n;
    }
}
