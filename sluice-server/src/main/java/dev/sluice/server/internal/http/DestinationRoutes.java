package dev.sluice.server.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.DestinationConfig;
import dev.sluice.engine.config.DestinationConfigLoader;
import dev.sluice.sdk.SyncException;
import dev.sluice.server.internal.destination.DestinationNames;
import dev.sluice.server.internal.destination.DestinationStore;
import dev.sluice.server.internal.destination.StoredDestination;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code /api/v1/destinations}: add one (the JSON of a project's {@code destination.json} plus a
 * {@code name}; a relative DuckDB path is relative to the data directory), list, get, delete. The
 * built-in {@value DestinationNames#WAREHOUSE} cannot be deleted.
 */
final class DestinationRoutes {

    private final DestinationStore destinations;
    private final Path dataDir;

    DestinationRoutes(DestinationStore destinations, Path dataDir) {
        this.destinations = destinations;
        this.dataDir = dataDir;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.api("GET", "/api/v1/destinations", this::list),
                ApiRoute.api("POST", "/api/v1/destinations", this::create),
                ApiRoute.api("GET", "/api/v1/destinations/{name}", this::get),
                ApiRoute.api("DELETE", "/api/v1/destinations/{name}", this::delete));
    }

    private void list(Context ctx) {
        Json.respond(
                ctx,
                200,
                Json.object(
                        "items",
                        destinations.list().stream().map(Views::destination).toList()));
    }

    private void create(Context ctx) {
        ObjectNode body = Json.body(ctx);
        String name = Json.requiredText(body, "name");
        String problem = DestinationNames.problem(name);
        if (problem != null) {
            throw ApiError.badRequest("name", "\"name\" " + problem);
        }
        body.remove("name");
        DestinationConfig config;
        try {
            config = DestinationConfigLoader.parse(body, "Destination \"" + name + "\"", dataDir);
        } catch (SyncException e) {
            throw ApiError.badRequest(null, e.getMessage());
        }
        StoredDestination created = destinations
                .create(name, config)
                .orElseThrow(() -> ApiError.conflict(
                        "a destination named " + name + " exists already; choose another name, or delete it first"));
        Json.respond(ctx, 201, Views.destination(created));
    }

    private void get(Context ctx) {
        Json.respond(ctx, 200, Views.destination(find(ctx.pathParam("name"))));
    }

    private void delete(Context ctx) {
        String name = ctx.pathParam("name");
        find(name);
        if (name.equals(DestinationNames.WAREHOUSE)) {
            throw ApiError.conflict("the built-in destination " + DestinationNames.WAREHOUSE + " cannot be deleted");
        }
        destinations.delete(name);
        ctx.status(204);
    }

    private StoredDestination find(String name) {
        return destinations
                .get(name)
                .orElseThrow(() ->
                        ApiError.notFound("no destination named " + name + "; GET /api/v1/destinations lists them"));
    }
}
