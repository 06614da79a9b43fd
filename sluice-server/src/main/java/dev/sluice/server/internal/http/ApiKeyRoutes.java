package dev.sluice.server.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.server.internal.apikey.ApiKey;
import dev.sluice.server.internal.apikey.ApiKeyFormat;
import dev.sluice.server.internal.apikey.ApiKeyStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/api-keys}: create (the key is in the answer, once), list, revoke. The last key that
 * works cannot be revoked, so the server is never locked.
 */
final class ApiKeyRoutes {

    private static final int MAX_NAME = 100;

    private final ApiKeyStore keys;

    ApiKeyRoutes(ApiKeyStore keys) {
        this.keys = keys;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.api("GET", "/api/v1/api-keys", this::list),
                ApiRoute.api("POST", "/api/v1/api-keys", this::create),
                ApiRoute.api("DELETE", "/api/v1/api-keys/{id}", this::revoke));
    }

    private void list(Context ctx) {
        Json.respond(
                ctx,
                200,
                Json.object("items", keys.list().stream().map(Views::apiKey).toList()));
    }

    private void create(Context ctx) {
        ObjectNode body = Json.body(ctx);
        Json.onlyFields(body, Set.of("name"));
        String name = Json.requiredText(body, "name").strip();
        if (name.length() > MAX_NAME) {
            throw ApiError.badRequest("name", "\"name\" must be at most " + MAX_NAME + " characters long");
        }
        String key = ApiKeyFormat.generate();
        ApiKey created = keys.create(name, key);
        Map<String, Object> view = Views.apiKey(created);
        view.put("key", key);
        Json.respond(ctx, 201, view);
    }

    private void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        ApiKey key = keys.get(id).orElseThrow(() -> ApiError.notFound("no API key with id " + id));
        if (!key.revoked() && keys.countActive() <= 1) {
            throw ApiError.conflict("this is the last API key that works; create another one before revoking it");
        }
        Json.respond(ctx, 200, Views.apiKey(keys.revoke(id).orElseThrow()));
    }
}
