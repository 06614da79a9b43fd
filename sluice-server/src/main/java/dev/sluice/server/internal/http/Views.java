package dev.sluice.server.internal.http;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.server.internal.apikey.ApiKey;
import dev.sluice.server.internal.destination.StoredDestination;
import java.time.Instant;
import java.util.Map;

/** The JSON form of the server's objects in responses; a password is only ever shown as {@link #MASK}. */
final class Views {

    /** What a password is shown as. */
    static final String MASK = "********";

    private Views() {}

    static Map<String, Object> apiKey(ApiKey key) {
        return Json.object(
                "id", key.id(),
                "name", key.name(),
                "prefix", key.prefix(),
                "created_at", timestamp(key.createdAt()),
                "revoked", key.revoked(),
                "revoked_at", timestamp(key.revokedAt()));
    }

    static Map<String, Object> destination(StoredDestination destination) {
        Map<String, Object> view =
                Json.object("id", destination.id(), "name", destination.name(), "type", destination.type());
        if (destination.config() instanceof DestinationConfig.Postgres postgres) {
            view.put("host", postgres.host());
            view.put("port", postgres.port());
            view.put("database", postgres.database());
            view.put("user", postgres.user());
            view.put("password", postgres.password().isEmpty() ? "" : MASK);
        } else if (destination.config() instanceof DestinationConfig.DuckDb duckDb) {
            view.put("path", duckDb.file().toString());
        }
        view.put("schema", destination.config().schema());
        view.put("created_at", timestamp(destination.createdAt()));
        return view;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
