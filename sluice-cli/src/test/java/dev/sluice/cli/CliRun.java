package dev.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs a command in-process with captured output, as the {@code sluice} main does. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs the full {@code sluice} command line. */
    public static CliRun sluice(String... args) {
        return run(SluiceCli.commandLine(), args);
    }

    /** Runs one command object with Sluice's error handling. */
    public static CliRun command(Object command, String... args) {
        ErrorHandler errors = new ErrorHandler();
        return run(
                new CommandLine(command)
                        .setExecutionExceptionHandler(errors)
                        .setParameterExceptionHandler(errors)
                        .setCaseInsensitiveEnumValuesAllowed(true),
                args);
    }

    private static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
