package io.srgrn.bench.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v/--verbose}: library logs at info and stack traces on errors (read early by {@link
 * SrgrnCommand#main}).
 */
final class VerboseMixin {
    @Option(
            names = {"-v", "--verbose"},
            description =
                    "Show library logs (info) and stack traces on errors; -vv for debug logs.")
    boolean verbose;

    @Option(names = "-vv", hidden = true)
    boolean debug;
}
