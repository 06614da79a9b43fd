package dev.sluice.cli.command;

import dev.sluice.cli.output.WarehouseOverview;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice tables}: each table of the project's warehouse with its rows, deleted rows and columns. */
@Command(
        name = "tables",
        mixinStandardHelpOptions = true,
        description = "List the tables of the destination (files/warehouse.db, schema tester, unless --destination or"
                + " destination.json says otherwise) with rows, deleted rows and columns.")
public final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirOption projectDir;

    @Mixin
    DestinationOption destination;

    @Override
    public Integer call() {
        Path project = projectDir.existing();
        DestinationConfig config = destination.config(project);
        try (WarehouseReader reader = WarehouseFiles.open(project, config)) {
            WarehouseOverview.print(
                    reader,
                    project,
                    WarehouseFiles.where(config),
                    destination.hintArguments(),
                    spec.commandLine().getOut(),
                    0);
        }
        return 0;
    }
}
