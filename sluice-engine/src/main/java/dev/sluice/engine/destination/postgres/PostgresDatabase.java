package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.sdk.SyncException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * One sync's connection to a PostgreSQL database, in UTC, never in auto-commit: statements, queries,
 * {@code COPY} and the transaction. Not thread-safe.
 */
final class PostgresDatabase implements AutoCloseable {

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Memory for the session's staging tables (PostgreSQL's default, 8MB, holds a tenth of one flush),
     * allocated by the server only as the tables grow.
     */
    static final String TEMP_BUFFERS = "128MB";

    private final DestinationConfig.Postgres config;
    private final Connection connection;
    private final Statement statement;
    private final CopyManager copy;

    private PostgresDatabase(DestinationConfig.Postgres config, Connection connection) throws SQLException {
        this.config = config;
        this.connection = connection;
        this.statement = connection.createStatement();
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * Connects and sets the session to UTC.
     *
     * @param config where
     * @return the connection, outside any transaction
     * @throws SyncException saying whether the server is unreachable, refused the login or has no such
     *     database; never with the password
     */
    static PostgresDatabase open(DestinationConfig.Postgres config) {
        Connection connection = PostgresConnections.open(config);
        try {
            connection.setAutoCommit(false);
            PostgresDatabase database = new PostgresDatabase(config, connection);
            database.statement.execute("SET TIME ZONE 'UTC'");
            database.statement.execute("SET temp_buffers = '" + TEMP_BUFFERS + "'");
            database.connection.commit();
            return database;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw PostgresErrors.connectFailed(config, e);
        }
    }

    /** @return the destination's settings */
    DestinationConfig.Postgres config() {
        return config;
    }

    /** @return the connection */
    Connection connection() {
        return connection;
    }

    /**
     * Runs a statement in the open transaction.
     *
     * @param sql the statement
     * @throws SyncException with PostgreSQL's message and the statement's start
     */
    void execute(String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(this, sql, e);
        }
    }

    /**
     * Runs a statement and returns the rows it changed.
     *
     * @param sql the statement
     * @return its update count
     */
    long update(String sql) {
        try {
            return statement.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(this, sql, e);
        }
    }

    /**
     * Runs a query with parameters and hands each row to the reader.
     *
     * @param sql the query, with {@code ?} for each parameter
     * @param reader reads one row
     * @param parameters the parameters, as strings
     */
    void query(String sql, RowReader reader, String... parameters) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(this, sql, e);
        }
    }

    /**
     * Starts a {@code COPY ... FROM STDIN}.
     *
     * @param sql the COPY statement
     * @return the open copy, which must be ended or cancelled before the next statement
     */
    CopyIn copyIn(String sql) {
        try {
            return copy.copyIn(sql);
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(this, sql, e);
        }
    }

    /** Commits the open transaction; the next statement opens another. */
    void commit() {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw PostgresErrors.statementFailed(this, "COMMIT", e);
        }
    }

    /** Rolls back the open transaction. Never throws. */
    void rollbackQuietly() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back when it closes
        }
    }

    @Override
    public void close() {
        rollbackQuietly();
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing is left to lose: the open transaction was rolled back
            }
        }
    }
}
