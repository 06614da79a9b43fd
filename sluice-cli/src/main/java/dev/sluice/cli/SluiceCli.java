package dev.sluice.cli;

import dev.sluice.cli.command.BenchCommand;
import dev.sluice.cli.command.BenchHttpCommand;
import dev.sluice.cli.command.DebugCommand;
import dev.sluice.cli.command.DestinationsCommand;
import dev.sluice.cli.command.InitCommand;
import dev.sluice.cli.command.InstallCommand;
import dev.sluice.cli.command.PlaygroundCommand;
import dev.sluice.cli.command.QueryCommand;
import dev.sluice.cli.command.ResetCommand;
import dev.sluice.cli.command.ServeCommand;
import dev.sluice.cli.command.ServerCommand;
import dev.sluice.cli.command.TablesCommand;
import dev.sluice.cli.command.VersionCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command. Exit codes (listed in every command's help): 0 success, 1 a failed
 * command or sync, 2 a usage error, 130 interrupted with Ctrl-C.
 * Command names are case-insensitive; a mistyped one gets "Did you mean" suggestions.
 */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = "Create, build, sync and inspect Sluice connectors on this machine.",
        subcommands = {
            InitCommand.class,
            DebugCommand.class,
            ServeCommand.class,
            ResetCommand.class,
            QueryCommand.class,
            TablesCommand.class,
            BenchCommand.class,
            BenchHttpCommand.class,
            PlaygroundCommand.class,
            ServerCommand.class,
            DestinationsCommand.class,
            InstallCommand.class,
            VersionCommand.class,
            HelpCommand.class
        },
        footer = {"", "Start with: sluice init my-connector && cd my-connector && sluice debug"})
public final class SluiceCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Print stack traces and debug logs (or set SLUICE_DEBUG=1).")
    boolean verbose;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorHandler.USAGE;
    }

    /** @return the command line with Sluice's error handling, ready to {@code execute} */
    public static CommandLine commandLine() {
        ErrorHandler errors = new ErrorHandler();
        CommandLine commandLine = new CommandLine(new SluiceCli())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setSubcommandsCaseInsensitive(true);
        documentExitCodes(commandLine);
        return commandLine;
    }

    /** Lists the exit codes in the help of the command and of each subcommand. */
    private static void documentExitCodes(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success.");
        codes.put(
                String.valueOf(ErrorHandler.FAILED),
                "Failed: the command could not do its work (for debug: the build or the sync failed); the message"
                        + " says why.");
        codes.put(
                String.valueOf(ErrorHandler.USAGE),
                "Usage error: an unknown command or option, a bad value, or arguments that do not fit.");
        codes.put("130", "Interrupted with Ctrl-C (debug: state and data stay at the last checkpoint).");
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(SluiceCli::documentExitCodes);
    }

    /** @param args the command line */
    public static void main(String[] args) {
        configureLogging(args);
        System.exit(commandLine().execute(args));
    }

    private static String firstCommand(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> !arg.startsWith("-"))
                .findFirst()
                .orElse("");
    }

    private static void configureLogging(String[] args) {
        if (Arrays.asList(args).contains("--verbose") || ErrorHandler.debugEnvironment()) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        } else if (firstCommand(args).equalsIgnoreCase("bench")) {
            // the engine's per-sync info lines would interleave with the benchmark's table
            System.setProperty("org.slf4j.simpleLogger.log.dev.sluice.engine", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.dev.sluice.protocol", "warn");
        } else if (firstCommand(args).equalsIgnoreCase("bench-http")) {
            // neither the engine's per-sync lines nor the in-process playground's server logs belong in the figures
            System.setProperty("org.slf4j.simpleLogger.log.dev.sluice.engine", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        } else if (firstCommand(args).equalsIgnoreCase("server")) {
            // the server logs its requests itself; the libraries' start-up chatter is not for its operator
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        } else if (firstCommand(args).equalsIgnoreCase("playground")) {
            // the playground prints its own start banner, request lines and errors
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "off");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        }
        // initialise logging now, with the CLI's simplelogger.properties, before any connector class loader is current
        LoggerFactory.getLogger(SluiceCli.class);
    }
}
