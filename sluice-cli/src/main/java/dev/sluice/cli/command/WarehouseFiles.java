package dev.sluice.cli.command;

import dev.sluice.cli.CliException;
import dev.sluice.cli.output.CommandHint;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.ProjectLayout;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.SyncException;
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
        return open(project, new DestinationConfig.DuckDb(of(project), ProjectLayout.SCHEMA));
    }

    /**
     * @param project the project folder
     * @param destination the destination to read
     * @return a read-only reader of it
     * @throws CliException when the project has not been synced yet, or the destination cannot be read
     */
    static WarehouseReader open(Path project, DestinationConfig destination) {
        if (destination instanceof DestinationConfig.DuckDb duckDb) {
            return openFile(project, duckDb);
        }
        try {
            return WarehouseReader.open(destination);
        } catch (SyncException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /**
     * @param destination a destination
     * @return how to name it in a title: the DuckDB file, or the PostgreSQL server and database
     */
    static String where(DestinationConfig destination) {
        if (destination instanceof DestinationConfig.DuckDb duckDb) {
            return duckDb.file().toString();
        }
        DestinationConfig.Postgres postgres = (DestinationConfig.Postgres) destination;
        return "PostgreSQL " + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/"
                + postgres.database();
    }

    private static WarehouseReader openFile(Path project, DestinationConfig.DuckDb destination) {
        Path file = destination.file();
        if (!Files.isRegularFile(file)) {
            throw new CliException("No warehouse in " + project + " (" + file + " does not exist): run `"
                    + CommandHint.sluice("debug", project) + "` first");
        }
        return WarehouseReader.open(destination);
    }
}
