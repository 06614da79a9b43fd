package dev.sluice.examples.postgres;

import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.Sluice;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.toolkit.jdbc.IncrementalJdbcReader;
import dev.sluice.toolkit.jdbc.JdbcConnections;
import dev.sluice.toolkit.jdbc.JdbcSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Syncs two tables of a PostgreSQL database incrementally with the toolkit's
 * {@link IncrementalJdbcReader}: {@code customers} by its {@code updated_at} timestamp and
 * {@code orders} by its {@code version} number (see {@code sql/schema.sql}). Each sync reads only
 * the rows changed since the last one, streaming, with a checkpoint every {@code batch_size}
 * rows, so an interrupted sync resumes where it stopped.
 *
 * <p>Configuration: {@code host}, {@code port} (default 5432), {@code database}, {@code user},
 * {@code password}, {@code schema} (default {@code public}), {@code batch_size} (default 10000).
 *
 * <p>State: one position per table, under its name: {@code {"cursor_column": ..., "cursor":
 * ..., "key": {"id": ...}}}.
 */
public final class PostgresIncrementalConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        try (Connection connection = connect(configuration)) {
            List<Table> tables = new ArrayList<>();
            for (IncrementalJdbcReader reader : readers(configuration)) {
                tables.add(reader.describe(connection));
            }
            return tables;
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        try (Connection connection = connect(configuration)) {
            for (IncrementalJdbcReader reader : readers(configuration)) {
                reader.sync(connection, state, operations);
            }
        }
        operations.checkpoint(state);
    }

    /** The tables to sync, each with its cursor column; the key is the table's primary key. */
    static List<IncrementalJdbcReader> readers(Configuration configuration) {
        String schema = configuration.get("schema", "public");
        int batchSize = configuration.getInt("batch_size", 10_000);
        return List.of(
                IncrementalJdbcReader.of(JdbcSource.table(schema + ".customers"))
                        .cursorColumn("updated_at")
                        .batchSize(batchSize)
                        .build(),
                IncrementalJdbcReader.of(JdbcSource.table(schema + ".orders"))
                        .cursorColumn("version")
                        .batchSize(batchSize)
                        .build());
    }

    static Connection connect(Configuration configuration) {
        String url = "jdbc:postgresql://" + configuration.require("host") + ":" + configuration.getInt("port", 5432)
                + "/" + configuration.require("database");
        return JdbcConnections.open(url, configuration.require("user"), configuration.get("password", ""));
    }

    /**
     * Runs one local sync of this project from an IDE, as {@code sluice debug} does.
     *
     * @param args optional project folder, {@code --configuration F}, {@code --state F}
     */
    public static void main(String[] args) {
        Sluice.debug(new PostgresIncrementalConnector(), args);
    }
}
