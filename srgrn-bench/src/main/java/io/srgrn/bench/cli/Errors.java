package io.srgrn.bench.cli;

import io.srgrn.data.image.ImageFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            err.println(
                    "Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
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

    /**
     * {@code file: reason}, saying the file once: exceptions about a file (an unreadable image, a
     * missing one) often name it already, and "bad/x.png: bad/x.png: ..." reads as a bug.
     */
    static String describeFor(Path file, Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String name = file.toString();
        if (t instanceof ImageFormatException ife
                && ife.file() != null
                && ife.file().toString().equals(name)) {
            return name + ": " + ife.reason();
        }
        if (t instanceof NoSuchFileException nsf && name.equals(nsf.getFile())) {
            return name
                    + ": no such file"
                    + (nsf.getReason() == null ? "" : " (" + nsf.getReason() + ")");
        }
        String reason = describe(e);
        return reason.startsWith(name + ": ") ? reason : name + ": " + reason;
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
