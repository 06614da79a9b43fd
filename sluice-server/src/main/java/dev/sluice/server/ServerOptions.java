package dev.sluice.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How a server starts.
 *
 * @param dataDir the data directory: the embedded metadata database, the key files and the
 *     {@code warehouse} destination's DuckDB file; created when missing
 * @param host the address to listen on, e.g. {@code 127.0.0.1}
 * @param port the port to listen on, 0 for a free one
 * @param databaseUrl a JDBC URL of the metadata database ({@code jdbc:postgresql://...}), or null for
 *     the embedded H2 file database in {@code dataDir}
 * @param environment the environment variables the server reads: {@code SLUICE_ADMIN_API_KEY},
 *     {@code SLUICE_MASTER_KEY}, {@code SLUICE_DATABASE_USER}, {@code SLUICE_DATABASE_PASSWORD}
 */
public record ServerOptions(Path dataDir, String host, int port, String databaseUrl, Map<String, String> environment) {

    /** The port a server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;

    /** Checks the fields. */
    public ServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        environment = Map.copyOf(environment);
    }

    /**
     * @param name an environment variable
     * @return its value, or null when unset or blank
     */
    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
