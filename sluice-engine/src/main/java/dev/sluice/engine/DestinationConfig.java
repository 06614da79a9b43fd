package dev.sluice.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which destination a sync writes and where: a DuckDB file or a PostgreSQL database, each with the
 * schema that holds the connector's tables. Read from a {@code destination.json} by
 * {@link dev.sluice.engine.config.DestinationConfigLoader}; the engine's runtime opens it. Immutable;
 * {@link #toString()} and {@link #describe()} never show a password.
 */
public sealed interface DestinationConfig permits DestinationConfig.DuckDb, DestinationConfig.Postgres {

    /** The schema a destination uses when none is given, as in Fivetran's local tester. */
    String DEFAULT_SCHEMA = "tester";

    /** @return the schema that holds the connector's tables */
    String schema();

    /**
     * @param schema another schema
     * @return this destination with that schema (a server lands each connection in its own)
     */
    DestinationConfig withSchema(String schema);

    /** @return what and where, for messages, e.g. {@code PostgreSQL sluice@db.internal:5432/analytics (schema tester)} */
    String describe();

    /**
     * A DuckDB file.
     *
     * @param file the database file, created when missing
     * @param schema the schema of the connector's tables
     */
    record DuckDb(Path file, String schema) implements DestinationConfig {

        /** Checks the fields. */
        public DuckDb {
            Objects.requireNonNull(file, "file");
            requireSchema(schema);
        }

        @Override
        public DuckDb withSchema(String schema) {
            return new DuckDb(file, schema);
        }

        @Override
        public String describe() {
            return "DuckDB " + file + " (schema " + schema + ")";
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param host the server's host name or address
     * @param port its port, 1 to 65535
     * @param database the database, which must exist
     * @param user the user to log in as
     * @param password its password (may be empty for trust or peer authentication); never shown
     * @param schema the schema of the connector's tables, created when missing
     */
    record Postgres(String host, int port, String database, String user, String password, String schema)
            implements DestinationConfig {

        /** The port PostgreSQL listens on unless told otherwise. */
        public static final int DEFAULT_PORT = 5432;

        /** Checks the fields. */
        public Postgres {
            requireText(host, "host");
            requireText(database, "database");
            requireText(user, "user");
            Objects.requireNonNull(password, "password");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
            }
            requireSchema(schema);
        }

        @Override
        public Postgres withSchema(String schema) {
            return new Postgres(host, port, database, user, password, schema);
        }

        @Override
        public String describe() {
            return "PostgreSQL " + user + "@" + host + ":" + port + "/" + database + " (schema " + schema + ")";
        }

        /** @return the fields without the password */
        @Override
        public String toString() {
            return "Postgres[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                    + ", password=***, schema=" + schema + "]";
        }
    }

    private static void requireSchema(String schema) {
        requireText(schema, "schema");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
    }
}
