package io.srgrn.bench.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code srgrn} command line: upscale images, train, evaluate with the paper's protocol,
 * compare backends and show what is installed. Entry point of the {@code ./srgrn} launcher.
 */
@Command(
        name = "srgrn",
        mixinStandardHelpOptions = true,
        versionProvider = SrgrnCommand.Version.class,
        description = "SRGRN (Global Reasoning Network for Image Super-Resolution) on the JVM.",
        subcommands = {
            UpscaleCommand.class,
            SparkUpscaleCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            ModelsCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            InfoCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit status: 0 done, 1 some work failed, 2 bad command line (nothing done).",
            "Run 'srgrn COMMAND --help' for a command's options."
        })
public final class SrgrnCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        configureLogging(args);
        // Charts and figures are drawn off-screen; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        // DJL must never try to download natives: the jar on the class path has them.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        System.exit(
                execute(
                        args,
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams and returns the exit status. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The configured command line (error handlers, streams), for callers that need picocli itself.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)}, with the factory that makes the command
     * objects.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new SrgrnCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Errors::handleParameterError);
        cl.setExecutionExceptionHandler(Errors::handleExecutionError);
        return cl;
    }

    /**
     * slf4j-simple reads its level once, when the first logger is made; before that, {@code -v}
     * raises it to info and {@code -vv} to debug. The default keeps libraries quiet (warnings
     * only).
     */
    static void configureLogging(String[] args) {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) != null) {
            return;
        }
        boolean debug = Arrays.asList(args).contains("-vv");
        boolean info =
                Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
        System.setProperty(key, debug ? "debug" : info ? "info" : "warn");
    }

    /** Version from the jar's manifest (the Maven project version), else "development build". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            String v = null;
            try (java.io.InputStream in =
                    SrgrnCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    v = p.getProperty("version");
                }
            }
            return new String[] {
                "srgrn " + (v == null || v.contains("${") ? "(development build)" : v),
                "Java "
                        + System.getProperty("java.version")
                        + " on "
                        + System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.arch")
            };
        }
    }
}
