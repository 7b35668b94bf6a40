package io.srgrn.bench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How errors reach the user: one line saying what and where, a hint for argument errors, and the
 * stack trace only with {@code --verbose}.
 */
final class Errors {
    private Errors() {}

    static int handleParameterError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(prefix(cl) + "error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static int handleExecutionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof UsageException) {
            err.println(prefix(cl) + "error: " + e.getMessage());
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        }
        err.println(prefix(cl) + "failed: " + describe(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        } else {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    /** A one-line description: the message, or the exception type when there is none. */
    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return msg;
    }

    private static String prefix(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName() + ": ";
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
