package dev.sluice.cli.command;

import dev.sluice.cli.output.WarehouseOverview;
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
        description = "List the tables of files/warehouse.db (schema tester) with rows, deleted rows and columns.")
public final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectDirOption projectDir;

    @Override
    public Integer call() {
        Path project = projectDir.existing();
        try (WarehouseReader reader = WarehouseFiles.open(project)) {
            WarehouseOverview.print(
                    reader,
                    project,
                    WarehouseFiles.of(project),
                    spec.commandLine().getOut(),
                    0);
        }
        return 0;
    }
}
