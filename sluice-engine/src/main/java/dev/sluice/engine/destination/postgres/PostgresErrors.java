package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.sdk.SyncException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * PostgreSQL's failures as messages that say what is wrong and what to do: the server unreachable,
 * the login refused, the database missing, a privilege missing. Messages name the destination by
 * host, port, database, user and schema, never by its password.
 */
final class PostgresErrors {

    private static final int STATEMENT_SHOWN = 160;

    private PostgresErrors() {}

    static SyncException connectFailed(DestinationConfig.Postgres config, SQLException e) {
        String where = "PostgreSQL at " + config.host() + ":" + config.port();
        String state = String.valueOf(e.getSQLState());
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new SyncException(
                    "Cannot reach " + where + ": unknown host '" + config.host()
                            + "'. Check \"host\" in the destination file",
                    e);
        }
        if (cause instanceof ConnectException
                || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException
                || state.startsWith("08")) {
            return new SyncException(
                    "Cannot reach " + where + " (" + e.getMessage() + "). Check \"host\" and \"port\""
                            + " in the destination file, and that the server runs and accepts TCP connections there",
                    e);
        }
        return switch (state) {
            case "28P01", "28000" ->
                new SyncException(
                        where + " refused the login of user '" + config.user()
                                + "' to database '" + config.database() + "' (" + e.getMessage()
                                + "). Check \"user\" and \"password\" in the destination file, and that pg_hba.conf lets the user in",
                        e);
            case "3D000" ->
                new SyncException(
                        "Database '" + config.database() + "' does not exist on " + where
                                + ": create it (CREATE DATABASE " + quote(config.database())
                                + ") or fix \"database\" in the"
                                + " destination file",
                        e);
            case "53300" ->
                new SyncException(
                        where + " has no connection left (" + e.getMessage()
                                + "): raise max_connections or close idle sessions, then run again",
                        e);
            default -> new SyncException("Cannot connect to " + config.describe() + ": " + e.getMessage(), e);
        };
    }

    static SyncException statementFailed(PostgresDatabase database, String sql, SQLException e) {
        DestinationConfig.Postgres config = database.config();
        String state = String.valueOf(e.getSQLState());
        if (state.equals("42501")) {
            return new SyncException(
                    "User '" + config.user() + "' lacks a privilege on " + config.describe() + " ("
                            + e.getMessage() + "). Grant it, e.g. GRANT CREATE ON DATABASE " + quote(config.database())
                            + " TO " + quote(config.user()) + " and GRANT ALL ON SCHEMA " + quote(config.schema())
                            + " TO "
                            + quote(config.user()) + ", or choose a schema the user owns",
                    e);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new SyncException(
                    "Lost the connection to " + config.describe() + " (" + e.getMessage()
                            + "). Nothing after the last checkpoint was kept: run the sync again to resume",
                    e);
        }
        return new SyncException(
                config.describe() + ": " + e.getMessage() + " [SQLSTATE " + state + "] in: " + shorten(sql), e);
    }

    private static String shorten(String sql) {
        return sql.length() <= STATEMENT_SHOWN ? sql : sql.substring(0, STATEMENT_SHOWN) + "...";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
