package io.srgrn.bench.cli;

/** The exit statuses of every {@code srgrn} command. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;

    /**
     * The command ran but some of the work failed (e.g. an unreadable input image), or an error
     * stopped it.
     */
    public static final int FAILED = 1;

    /**
     * The command line is wrong: unknown option, bad value, missing file, refused overwrite.
     * Nothing was done.
     */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
