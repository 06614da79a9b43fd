package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.Sql;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync's connection to a DuckDB database file, taken from {@link DuckDbInstances} so that syncs
 * into one file share one database instance: statements, explicit transactions
 * ({@code BEGIN}/{@code COMMIT} as SQL, so that Appender writes belong to them) and the memory the
 * instance holds. Not thread-safe.
 */
final class DuckDbDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDatabase.class);

    private final DuckDbInstances instances;
    private final Path file;
    private DuckDBConnection connection;
    private Statement statement;
    private boolean inTransaction;
    private long memoryLimitBytes;

    private DuckDbDatabase(DuckDbInstances instances, Path file) {
        this.instances = instances;
        this.file = file;
        connect();
    }

    /**
     * @param instances where the file's database instance comes from
     * @param file the database file
     * @return a connection to it, set to UTC
     * @throws SyncException naming the file when it cannot be opened
     */
    static DuckDbDatabase open(DuckDbInstances instances, Path file) {
        return new DuckDbDatabase(instances, file);
    }

    private void connect() {
        connection = instances.connect(file);
        try {
            statement = connection.createStatement();
            statement.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            closeConnection();
            throw DuckDbErrors.openFailed(file, e);
        }
    }

    /** @return the connection, for appenders */
    DuckDBConnection connection() {
        return connection;
    }

    /** @return the database file */
    Path file() {
        return file;
    }

    /**
     * Closes the connection and takes a new one, between transactions. DuckDB 1.5 holds memory for
     * rows updated in place until its database instance closes; when no other sync shares the
     * instance, this closes it and returns that memory. Every appender must be closed first.
     */
    void reopen() {
        if (inTransaction) {
            throw new IllegalStateException("reopen() inside a transaction");
        }
        long start = System.nanoTime();
        closeConnection();
        connect();
        LOG.debug("reopened in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * @param sql a statement
     * @throws SyncException with DuckDB's message and the statement
     */
    void execute(String sql) {
        try {
            long start = System.nanoTime();
            statement.execute(sql);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, abbreviate(sql));
            }
        } catch (SQLException e) {
            throw failed(e, sql);
        }
    }

    /**
     * @param sql a query
     * @param handler called for each row
     * @throws SyncException naming the file
     */
    void query(String sql, RowHandler handler) {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        } catch (SQLException e) {
            throw new SyncException("Cannot read the warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads one row of a result. */
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    SyncException failed(SQLException e, String sql) {
        return new SyncException(
                "Warehouse statement failed: " + e.getMessage() + outOfMemoryHint(e) + "\n  in: " + abbreviate(sql), e);
    }

    /**
     * @param e a failure of {@link #execute}
     * @return whether DuckDB ran out of its memory limit
     */
    static boolean isOutOfMemory(SyncException e) {
        return e.getCause() instanceof SQLException cause && isOutOfMemory(cause);
    }

    private static boolean isOutOfMemory(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Out of Memory") || message.contains("failed to pin block");
    }

    private String outOfMemoryHint(SQLException e) {
        if (!isOutOfMemory(e)) {
            return "";
        }
        return "\n  DuckDB reached its memory limit (" + instances.memoryLimit(file) + "): raise it with "
                + DuckDbInstances.MEMORY_LIMIT_VARIABLE + "=1GB (the process then needs that much more memory);"
                + " everything before the last checkpoint is kept";
    }

    /**
     * Lowers the instance's memory limit until {@link #resetMemoryLimit()}.
     *
     * @param bytes the new limit
     */
    void lowerMemoryLimit(long bytes) {
        execute("SET memory_limit = " + Sql.literal((bytes >> 20) + "MiB"));
    }

    /** Sets the memory limit back to the instance's share of the budget. */
    void resetMemoryLimit() {
        execute("SET memory_limit = " + Sql.literal(instances.memoryLimit(file)));
    }

    /**
     * The memory DuckDB cannot evict: what open transactions' changes hold (values set by UPDATE or
     * MERGE, undo information) and its general allocator, by {@code duckdb_memory()}. Cached table
     * blocks and TEMP staging tables are left out: DuckDB writes them to disk when it needs room.
     *
     * @return those bytes
     */
    long heldMemoryBytes() {
        try (ResultSet result =
                statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
                        + " WHERE tag IN ('ALLOCATOR', 'TRANSACTION')")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failed(e, "duckdb_memory()");
        }
    }

    /** @return the memory limit in bytes, as DuckDB reports it when first asked */
    long memoryLimitBytes() {
        if (memoryLimitBytes == 0) {
            try (ResultSet result = statement.executeQuery("SELECT current_setting('memory_limit')")) {
                result.next();
                memoryLimitBytes = MemorySize.parse(result.getString(1));
            } catch (SQLException e) {
                throw failed(e, "current_setting('memory_limit')");
            }
        }
        return memoryLimitBytes;
    }

    void begin() {
        execute("BEGIN TRANSACTION");
        inTransaction = true;
    }

    void commit() {
        execute("COMMIT");
        inTransaction = false;
    }

    /** Rolls back the open transaction, if any. Never throws. */
    void rollbackQuietly() {
        if (inTransaction) {
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // the connection is closed next; DuckDB discards the transaction then too
            }
            inTransaction = false;
        }
    }

    @Override
    public void close() {
        rollbackQuietly();
        closeConnection();
    }

    private void closeConnection() {
        try {
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // closing the connection releases it too
        }
        statement = null;
        if (connection != null) {
            instances.release(file, connection);
            connection = null;
        }
    }

    static String abbreviate(String sql) {
        return sql.length() > 300 ? sql.substring(0, 300) + " ..." : sql;
    }
}
