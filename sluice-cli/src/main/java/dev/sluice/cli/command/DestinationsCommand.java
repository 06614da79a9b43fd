package dev.sluice.cli.command;

import dev.sluice.cli.ErrorHandler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice destinations}: the destinations of a Sluice server (add, list). */
@Command(
        name = "destinations",
        mixinStandardHelpOptions = true,
        description = "Manage the destinations of a Sluice server (see sluice server).",
        subcommands = {DestinationsAddCommand.class, DestinationsListCommand.class})
public final class DestinationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ErrorHandler.USAGE;
    }
}
