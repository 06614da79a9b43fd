package dev.sluice.playground.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.playground.Credentials;
import dev.sluice.playground.data.Snapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Supplier;

/** The {@code /auth/*} routes: a page of users behind API key, Basic, Bearer and session-token auth. */
final class AuthRoutes {

    private final Supplier<Snapshot> data;
    private final TokenStore sessions;

    AuthRoutes(Supplier<Snapshot> data, TokenStore sessions) {
        this.data = data;
        this.sessions = sessions;
    }

    void register(RoutesConfig routes) {
        routes.get("/auth/api_key", ctx -> {
            String key = AuthHeaders.credential(ctx, "apiKey");
            if (key == null) {
                key = ctx.queryParam("api_key");
            }
            if (key == null) {
                throw ApiError.unauthorized("missing API key: send the header 'Authorization: apiKey <key>'"
                        + " or the query parameter api_key");
            }
            require(key.equals(Credentials.API_KEY), "invalid API key");
            usersPage(ctx);
        });
        routes.get("/auth/http_basic", ctx -> {
            AuthHeaders.Basic basic = AuthHeaders.basic(ctx);
            if (basic == null) {
                ctx.header("WWW-Authenticate", "Basic realm=\"playground\"");
                throw ApiError.unauthorized("missing credentials: send 'Authorization: Basic <base64 user:password>'");
            }
            require(
                    basic.user().equals(Credentials.USERNAME)
                            && basic.password().equals(Credentials.PASSWORD),
                    "invalid user name or password");
            usersPage(ctx);
        });
        routes.get("/auth/http_bearer", ctx -> {
            String token = AuthHeaders.credential(ctx, "Bearer");
            if (token == null) {
                throw ApiError.unauthorized("missing token: send 'Authorization: Bearer <token>'");
            }
            require(token.equals(Credentials.BEARER_TOKEN), "invalid bearer token");
            usersPage(ctx);
        });
        routes.post("/auth/session_token/login", this::login);
        routes.get("/auth/session_token", ctx -> {
            String token = AuthHeaders.credential(ctx, "Token");
            if (token == null) {
                throw ApiError.unauthorized("missing token: send 'Authorization: Token <token>' with a token from"
                        + " POST /auth/session_token/login");
            }
            checkToken(sessions, token, "POST /auth/session_token/login");
            usersPage(ctx);
        });
    }

    private void login(Context ctx) {
        JsonNode body;
        try {
            body = JsonBodies.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null
                || !body.isObject()
                || !body.path("username").isTextual()
                || !body.path("password").isTextual()) {
            throw new ApiError(400, "the body must be a JSON object {\"username\": ..., \"password\": ...}");
        }
        require(
                body.get("username").asText().equals(Credentials.USERNAME)
                        && body.get("password").asText().equals(Credentials.PASSWORD),
                "invalid username or password");
        JsonBodies.respond(
                ctx, JsonBodies.object("token", sessions.issue("st_"), "expires_in", sessions.expiresInSeconds()));
    }

    private void usersPage(Context ctx) {
        JsonBodies.respond(ctx, PageSlices.usersPage(new Params(ctx), data.get().users()));
    }

    static void checkToken(TokenStore store, String token, String whereToGetOne) {
        switch (store.check(token)) {
            case VALID:
                return;
            case EXPIRED:
                throw ApiError.unauthorized("token expired");
            default:
                throw ApiError.unauthorized("invalid token: get one from " + whereToGetOne);
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw ApiError.unauthorized(message);
        }
    }
}
