package dev.sluice.server.internal.destination;

import dev.sluice.engine.DestinationConfig;
import java.time.Instant;

/**
 * A destination of the server.
 *
 * @param id its id
 * @param name its unique name
 * @param config where and how to write, with the password decrypted; never show it
 * @param createdAt when it was added
 */
public record StoredDestination(String id, String name, DestinationConfig config, Instant createdAt) {

    /** @return its type as in a destination file: {@code duckdb} or {@code postgres} */
    public String type() {
        return config instanceof DestinationConfig.Postgres ? "postgres" : "duckdb";
    }

    @Override
    public String toString() {
        return "StoredDestination[" + name + ": " + config.describe() + "]";
    }
}
