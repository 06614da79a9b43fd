package dev.sluice.cli.command;

import dev.sluice.cli.VersionInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice version}: Sluice's version, the bundled DuckDB driver's and the running Java's. */
@Command(
        name = "version",
        mixinStandardHelpOptions = true,
        description = "Print the versions of sluice, its DuckDB driver and Java.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VersionInfo.lines().forEach(out::println);
        out.flush();
        return 0;
    }
}
