package dev.sluice.playground.http;

import dev.sluice.playground.Credentials;
import dev.sluice.playground.data.Snapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/**
 * OAuth2: {@code POST /oauth/token} (client credentials and rotating refresh tokens) and
 * {@code GET /oauth/users} behind the access token. Token endpoint errors follow RFC 6749:
 * {@code {"error": code, "error_description": text}}.
 */
final class OAuthRoutes {

    private final Supplier<Snapshot> data;
    private final TokenStore tokens;

    OAuthRoutes(Supplier<Snapshot> data, TokenStore tokens) {
        this.data = data;
        this.tokens = tokens;
    }

    void register(RoutesConfig routes) {
        routes.post("/oauth/token", this::token);
        routes.get("/oauth/users", ctx -> {
            String token = AuthHeaders.credential(ctx, "Bearer");
            if (token == null) {
                throw ApiError.unauthorized("missing token: send 'Authorization: Bearer <access_token>' with a token"
                        + " from POST /oauth/token");
            }
            AuthRoutes.checkToken(tokens, token, "POST /oauth/token");
            JsonBodies.respond(
                    ctx, PageSlices.usersPage(new Params(ctx), data.get().users()));
        });
    }

    private void token(Context ctx) {
        String grantType = ctx.formParam("grant_type");
        if ("client_credentials".equals(grantType)) {
            authenticateClient(ctx);
        } else if ("refresh_token".equals(grantType)) {
            String refresh = ctx.formParam("refresh_token");
            if (refresh == null || refresh.isEmpty()) {
                throw oauthError(400, "invalid_request", "the form parameter refresh_token is missing");
            }
            if (!tokens.consumeRefresh(refresh)) {
                throw oauthError(
                        400,
                        "invalid_grant",
                        "refresh_token is unknown or was already used"
                                + " (refresh tokens rotate: use the one from the latest response)");
            }
        } else {
            throw oauthError(
                    400,
                    grantType == null ? "invalid_request" : "unsupported_grant_type",
                    "the form parameter grant_type must be client_credentials or refresh_token, got "
                            + (grantType == null ? "nothing" : "'" + grantType + "'"));
        }
        ctx.header("Cache-Control", "no-store");
        JsonBodies.respond(
                ctx,
                JsonBodies.object(
                        "access_token",
                        tokens.issue("at_"),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        tokens.expiresInSeconds(),
                        "refresh_token",
                        tokens.issueRefresh()));
    }

    private static void authenticateClient(Context ctx) {
        AuthHeaders.Basic basic = AuthHeaders.basic(ctx);
        String id = basic != null ? basic.user() : ctx.formParam("client_id");
        String secret = basic != null ? basic.password() : ctx.formParam("client_secret");
        if (id == null || secret == null) {
            throw oauthError(
                    401,
                    "invalid_client",
                    "send client_id and client_secret in a Basic Authorization" + " header or in the form");
        }
        if (!id.equals(Credentials.CLIENT_ID) || !secret.equals(Credentials.CLIENT_SECRET)) {
            throw oauthError(401, "invalid_client", "unknown client_id or wrong client_secret");
        }
    }

    private static ApiError oauthError(int status, String code, String description) {
        return new ApiError(status, code, Map.of("error_description", description), Map.of());
    }
}
