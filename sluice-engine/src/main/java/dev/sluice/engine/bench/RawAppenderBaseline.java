package dev.sluice.engine.bench;

import dev.sluice.engine.destination.duckdb.DuckDbConnections;
import dev.sluice.engine.values.JsonText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The naive limit a sync is measured against: the DuckDB Appender writing the same synthetic rows
 * straight into a plain table of a file, in one transaction, with no staging, merge or key.
 */
public final class RawAppenderBaseline {

    private RawAppenderBaseline() {}

    /**
     * @param file a database file to create (deleted first)
     * @param rows how many rows to write
     * @param memoryLimit DuckDB's memory limit
     * @throws Exception when DuckDB fails
     */
    public static void run(Path file, long rows, String memoryLimit) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
        try (DuckDBConnection connection = DuckDbConnections.open(file).unwrap(DuckDBConnection.class);
                Statement statement = connection.createStatement()) {
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            statement.execute(
                    "CREATE TABLE records (id BIGINT, name VARCHAR, email VARCHAR, city VARCHAR, status VARCHAR,"
                            + " amount DOUBLE, active BOOLEAN, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, attrs VARCHAR,"
                            + " score INTEGER, _fivetran_synced TIMESTAMPTZ, _fivetran_deleted BOOLEAN)");
            statement.execute("BEGIN TRANSACTION");
            long synced = micros(Instant.now());
            try (DuckDBAppender appender = connection.createAppender("main", "records")) {
                for (long id = 0; id < rows; id++) {
                    append(appender, SyntheticSource.record(id), synced);
                }
                appender.flush();
            }
            statement.execute("COMMIT");
            statement.execute("CHECKPOINT");
        }
    }

    private static void append(DuckDBAppender appender, Map<String, Object> row, long synced) throws SQLException {
        appender.beginRow()
                .append((long) (Long) row.get("id"))
                .append((String) row.get("name"))
                .append((String) row.get("email"))
                .append((String) row.get("city"))
                .append((String) row.get("status"))
                .append((double) (Double) row.get("amount"))
                .append((boolean) (Boolean) row.get("active"))
                .appendEpochMicros(micros((Instant) row.get("created_at")))
                .appendEpochMicros(micros((Instant) row.get("updated_at")))
                .append(JsonText.write(row.get("attrs")))
                .append((int) (Integer) row.get("score"))
                .appendEpochMicros(synced)
                .append(false)
                .endRow();
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }
}
