package dev.sluice.engine;

import dev.sluice.engine.config.DestinationConfigLoader;
import dev.sluice.testservices.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The destination the engine's integration tests write, so that one suite proves every rule on each
 * destination. System property {@value #PROPERTY} chooses it for the whole test JVM: {@code duckdb}
 * (the default: the project's {@code files/warehouse.db}) or {@code postgres} (a private PostgreSQL
 * server started on first use and stopped by its shutdown hook when the JVM exits, with a fresh database per project).
 *
 * <p>A project's PostgreSQL destination is written to {@value #FILE_NAME} in the project folder the
 * first time it is asked for, and read from there afterwards: a child JVM that syncs the same project
 * (the crash tests) writes the same database without being told more.
 *
 * <p>Each PostgreSQL database is created from {@code template1}, into which the server's start
 * installs {@linkplain #COMPATIBILITY a few functions named like DuckDB's} ({@code epoch_us},
 * {@code epoch_ms}, {@code isnan}, {@code isinf},
 * {@code hex}, {@code json_extract}, {@code json_extract_string}, {@code json_array_length},
 * {@code duckdb_columns()}), so the tests' read-back SQL means the same on both.
 */
public final class TestDestination {

    /** The system property that chooses the destination. */
    public static final String PROPERTY = "sluice.test.destination";

    /** The file in a project folder that records its PostgreSQL destination. */
    public static final String FILE_NAME = "test-destination.json";

    /** The schema of the connector's tables, as the tests' SQL expects. */
    public static final String SCHEMA = "tester";

    static final String COMPATIBILITY = """
            CREATE FUNCTION epoch_us(timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE
              AS $$ SELECT (extract(epoch FROM $1) * 1000000)::bigint $$;
            CREATE FUNCTION epoch_us(timestamp) RETURNS bigint LANGUAGE sql IMMUTABLE
              AS $$ SELECT (extract(epoch FROM $1) * 1000000)::bigint $$;
            CREATE FUNCTION epoch_ms(timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE
              AS $$ SELECT floor(extract(epoch FROM $1) * 1000)::bigint $$;
            CREATE FUNCTION isnan(double precision) RETURNS boolean LANGUAGE sql IMMUTABLE
              AS $$ SELECT $1 = 'NaN'::double precision $$;
            CREATE FUNCTION isinf(double precision) RETURNS boolean LANGUAGE sql IMMUTABLE
              AS $$ SELECT $1 IN ('Infinity'::double precision, '-Infinity'::double precision) $$;
            CREATE FUNCTION hex(bytea) RETURNS text LANGUAGE sql IMMUTABLE
              AS $$ SELECT upper(encode($1, 'hex')) $$;
            CREATE FUNCTION json_extract(jsonb, text) RETURNS jsonb LANGUAGE sql IMMUTABLE
              AS $$ SELECT jsonb_path_query_first($1, $2::jsonpath) $$;
            CREATE FUNCTION json_extract_string(jsonb, text) RETURNS text LANGUAGE sql IMMUTABLE
              AS $$ SELECT jsonb_path_query_first($1, $2::jsonpath) #>> '{}' $$;
            CREATE FUNCTION json_array_length(jsonb) RETURNS bigint LANGUAGE sql IMMUTABLE
              AS $$ SELECT jsonb_array_length($1) $$;
            CREATE FUNCTION json_array_length(jsonb, text) RETURNS bigint LANGUAGE sql IMMUTABLE
              AS $$ SELECT jsonb_array_length(jsonb_path_query_first($1, $2::jsonpath)) $$;
            CREATE FUNCTION duckdb_columns()
              RETURNS TABLE (schema_name text, table_name text, column_name text, data_type text, comment text)
              LANGUAGE sql STABLE AS $$
                SELECT n.nspname::text, c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
                       col_description(c.oid, a.attnum)
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind = 'r'
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                ORDER BY n.nspname, c.relname, a.attnum $$;
            """;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    private TestDestination() {}

    /** @return whether this JVM's tests write PostgreSQL */
    public static boolean postgres() {
        String chosen = System.getProperty(PROPERTY, "duckdb").trim().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "duckdb", "" -> false;
            case "postgres", "postgresql" -> true;
            default ->
                throw new IllegalArgumentException(
                        "System property " + PROPERTY + " is '" + chosen + "': use duckdb or postgres");
        };
    }

    /**
     * @param project a project folder
     * @return where syncs of that project write: the one recorded in its {@value #FILE_NAME}, else a
     *     new PostgreSQL database (recorded there) when {@link #postgres()}, else its DuckDB file
     */
    public static synchronized DestinationConfig forProject(Path project) {
        Path file = project.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return DestinationConfigLoader.load(file, project);
        }
        if (!postgres()) {
            return new DestinationConfig.DuckDb(project.resolve("files/warehouse.db"), SCHEMA);
        }
        PostgresServer postgres = server();
        String database = postgres.createDatabase("t" + DATABASES.incrementAndGet());
        DestinationConfig.Postgres config = new DestinationConfig.Postgres(
                postgres.host(), postgres.port(), database, PostgresServer.USER, PostgresServer.PASSWORD, SCHEMA);
        try {
            Files.createDirectories(project);
            Files.writeString(
                    file,
                    "{\"type\": \"postgres\", \"host\": \"" + config.host() + "\", \"port\": " + config.port()
                            + ", \"database\": \"" + database + "\", \"user\": \"" + config.user()
                            + "\", \"password\": \"" + config.password() + "\", \"schema\": \"" + SCHEMA + "\"}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /**
     * @param project a project folder
     * @return whether a sync of it has left anything to read (a DuckDB file exists; PostgreSQL: always)
     */
    public static boolean exists(Path project) {
        return forProject(project) instanceof DestinationConfig.DuckDb duckDb ? Files.exists(duckDb.file()) : true;
    }

    private static PostgresServer server() {
        if (server == null) {
            PostgresServer started = PostgresServer.start();
            started.execute("template1", COMPATIBILITY);
            server = started;
        }
        return server;
    }
}
