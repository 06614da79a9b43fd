package dev.sluice.engine.warehouse;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties a destination so that the next sync is a first sync: a DuckDB file is deleted; in
 * PostgreSQL the schema is dropped with its tables, and its saved state and deferred keys with it
 * (other schemas of the database are not touched).
 */
public final class DestinationReset {

    private DestinationReset() {}

    /**
     * @param destination what to empty
     * @return what was removed, for a message
     * @throws SyncException when the destination cannot be reached or changed
     */
    public static String reset(DestinationConfig destination) {
        if (destination instanceof DestinationConfig.DuckDb duckDb) {
            return deleteFile(duckDb.file());
        }
        return dropSchema((DestinationConfig.Postgres) destination);
    }

    private static String deleteFile(Path file) {
        try {
            boolean deleted = Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
            return deleted ? "deleted " + file : file + " did not exist";
        } catch (IOException e) {
            throw new SyncException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static String dropSchema(DestinationConfig.Postgres destination) {
        try (Connection connection = PostgresConnections.open(destination);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("DROP SCHEMA IF EXISTS " + WarehouseReader.quote(destination.schema()) + " CASCADE");
            boolean bookkeeping;
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('_sluice.checkpoint_state') IS NOT NULL")) {
                bookkeeping = rs.next() && rs.getBoolean(1);
            }
            if (bookkeeping) {
                for (String table : new String[] {"_sluice.checkpoint_state", "_sluice.deferred_keys"}) {
                    try (PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM " + table + " WHERE schema_name = ?")) {
                        delete.setString(1, destination.schema());
                        delete.execute();
                    }
                }
            }
            connection.commit();
            return "dropped schema " + destination.schema() + " of " + destination.describe() + " and its saved state";
        } catch (SQLException e) {
            throw new SyncException("Cannot reset " + destination.describe() + ": " + e.getMessage(), e);
        }
    }
}
