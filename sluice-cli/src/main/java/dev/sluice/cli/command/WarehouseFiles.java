package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.warehouse.WarehouseReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a project's {@code files/warehouse.db} read-only for the query commands. */
final class WarehouseFiles {

    private WarehouseFiles() {}

    /**
     * @param project the project folder
     * @return the warehouse file
     */
    static Path of(Path project) {
        return ProjectLayout.of(project).warehouseFile();
    }

    /**
     * @param project the project folder
     * @return a read-only reader of its warehouse
     * @throws CliException when the project has not been synced yet
     */
    static WarehouseReader open(Path project) {
        Path file = of(project);
        if (!Files.isRegularFile(file)) {
            throw new CliException("No warehouse in " + project + " (" + file + " does not exist): run `"
                    + CommandHint.sluice("debug", project) + "` first");
        }
        return WarehouseReader.open(file);
    }
}
