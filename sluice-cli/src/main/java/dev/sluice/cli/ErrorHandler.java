package dev.sluice.cli;

import dev.sluice.sdk.SyncException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into short messages and exit codes: a failed command prints {@code Error:
 * <message>} and exits with 1; a usage error prints what is wrong (with "Did you mean" suggestions
 * for typos) and exits with 2. Stack traces appear only with {@code --verbose} or when the
 * environment variable {@code SLUICE_DEBUG} is set.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** Exit code of a command that failed at run time, including a failed sync. */
    public static final int FAILED = 1;
    /** Exit code of a command line that cannot be parsed. */
    public static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(parseResult);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.println(commandLine.getColorScheme().errorText("Error: " + message(ex)));
        if (!verbose && !expected(ex)) {
            err.println("Run again with --verbose (or SLUICE_DEBUG=1) to see the stack trace.");
        }
        err.flush();
        return FAILED;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText(ex.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return USAGE;
    }

    static String message(Throwable ex) {
        if (expected(ex) && ex.getMessage() != null) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    private static boolean expected(Throwable ex) {
        return ex instanceof CliException || ex instanceof SyncException;
    }

    /** @return whether the environment variable {@code SLUICE_DEBUG} asks for details */
    static boolean debugEnvironment() {
        String env = System.getenv("SLUICE_DEBUG");
        return env != null && !env.isBlank() && !env.equals("0") && !env.equalsIgnoreCase("false");
    }

    /**
     * @param parseResult a parsed command line (of the root command or a subcommand)
     * @return whether it or the environment asks for stack traces ({@code --verbose}, {@code SLUICE_DEBUG})
     */
    public static boolean verbose(ParseResult parseResult) {
        if (debugEnvironment()) {
            return true;
        }
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
