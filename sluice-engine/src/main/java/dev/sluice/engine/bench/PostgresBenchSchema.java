package dev.sluice.engine.bench;

import dev.sluice.engine.destination.DestinationConfig;
import dev.sluice.engine.destination.postgres.PostgresConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Empties a benchmark's PostgreSQL schema and its saved state, so that the next sync is a first sync. */
final class PostgresBenchSchema {

    private PostgresBenchSchema() {}

    /**
     * @param destination the database and the benchmark's schema
     * @throws SQLException when PostgreSQL fails
     */
    static void drop(DestinationConfig.Postgres destination) throws SQLException {
        try (Connection connection = PostgresConnections.open(destination);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + destination.schema() + "\" CASCADE");
            boolean bookkeeping;
            try (var rs = statement.executeQuery("SELECT to_regclass('_sluice.checkpoint_state') IS NOT NULL")) {
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
        }
    }
}
