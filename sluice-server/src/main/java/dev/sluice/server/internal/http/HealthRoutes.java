package dev.sluice.server.internal.http;

import dev.sluice.server.internal.db.MetadataDatabase;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /healthz}, without a key: 200 when the metadata database answers, else 503. */
final class HealthRoutes {

    private final MetadataDatabase database;

    HealthRoutes(MetadataDatabase database) {
        this.database = database;
    }

    List<ApiRoute> routes() {
        return List.of(ApiRoute.open("GET", "/healthz", this::health));
    }

    private void health(Context ctx) {
        boolean up = database.isUp();
        Json.respond(
                ctx,
                up ? 200 : 503,
                Json.object(
                        "status",
                        up ? "ok" : "unavailable",
                        "database",
                        Json.object(
                                "status",
                                up ? "up" : "down",
                                "kind",
                                database.target().embedded() ? "h2" : "postgresql")));
    }
}
