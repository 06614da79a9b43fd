package dev.sluice.server.internal.db;

import java.sql.SQLException;

/** Turns a failed metadata query into an unchecked error that names what was being done. */
public final class Sql {

    private Sql() {}

    /**
     * @param what what the server was doing, e.g. {@code list the API keys}
     * @param e the failure
     * @return an error to throw
     */
    public static MetadataException failed(String what, SQLException e) {
        return new MetadataException("The metadata database failed to " + what + ": " + e.getMessage(), e);
    }

    /** A metadata query failed; the HTTP API answers 503. */
    public static final class MetadataException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MetadataException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
