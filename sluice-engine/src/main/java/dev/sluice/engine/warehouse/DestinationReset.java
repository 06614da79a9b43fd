package dev.sluice.engine.warehouse;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import dev.sluice.engine.naming.SystemColumns;
import dev.sluice.sdk.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties a destination so that the next sync is a first sync: a DuckDB file is deleted; in
 * PostgreSQL the tables Sluice created in the schema (those with its system columns) are dropped with
 * the schema's saved state, deferred keys and naming rule, and the schema itself when nothing else is
 * left in it. Other tables and schemas are never touched.
 */
public final class DestinationReset {

    private static final String SETTINGS = "_sluice.schema_settings";

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
            List<String> tables = sluiceTables(connection, destination.schema());
            for (String table : tables) {
                statement.execute("DROP TABLE " + WarehouseReader.quote(destination.schema()) + "."
                        + WarehouseReader.quote(table));
            }
            boolean bookkeeping;
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('_sluice.checkpoint_state') IS NOT NULL")) {
                bookkeeping = rs.next() && rs.getBoolean(1);
            }
            if (bookkeeping) {
                for (String table : new String[] {"_sluice.checkpoint_state", "_sluice.deferred_keys", SETTINGS}) {
                    try (PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM " + table + " WHERE schema_name = ?")) {
                        delete.setString(1, destination.schema());
                        delete.execute();
                    }
                }
            }
            connection.commit();
            boolean schemaDropped = dropSchemaIfEmpty(connection, statement, destination.schema());
            return "dropped " + tables.size() + (tables.size() == 1 ? " table" : " tables") + " of schema "
                    + destination.schema() + (schemaDropped ? " and the schema" : "") + " in " + destination.describe()
                    + ", and its saved state";
        } catch (SQLException e) {
            throw new SyncException("Cannot reset " + destination.describe() + ": " + e.getMessage(), e);
        }
    }

    /** @return the schema's tables that have Sluice's system columns: the ones Sluice created */
    private static List<String> sluiceTables(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT c.table_name FROM information_schema.columns c"
                        + " WHERE c.table_schema = ? AND c.column_name IN (?, ?) GROUP BY c.table_name"
                        + " HAVING count(*) = 2 ORDER BY c.table_name")) {
            query.setString(1, schema);
            query.setString(2, SystemColumns.SYNCED);
            query.setString(3, SystemColumns.DELETED);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Drops the schema when nothing is left in it: a schema that holds the user's own tables stays. */
    private static boolean dropSchemaIfEmpty(Connection connection, Statement statement, String schema)
            throws SQLException {
        try (PreparedStatement objects = connection.prepareStatement(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?")) {
            objects.setString(1, schema);
            try (ResultSet rs = objects.executeQuery()) {
                if (!rs.next() || rs.getLong(1) > 0) {
                    return false;
                }
            }
        }
        try {
            statement.execute("DROP SCHEMA IF EXISTS " + WarehouseReader.quote(schema));
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            return false;
        }
    }
}
