package dev.sluice.server.internal.http;

import dev.sluice.server.internal.apikey.ApiKey;
import dev.sluice.server.internal.apikey.ApiKeyStore;
import io.javalin.http.Context;
import java.util.Locale;

/** Checks the {@code Authorization: Bearer <key>} of a request against the stored keys. */
final class Authenticator {

    private static final String BEARER = "bearer ";

    private final ApiKeyStore keys;

    Authenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    /**
     * @param ctx the request
     * @return the key it was made with
     * @throws ApiError 401 when the key is missing, wrong or revoked
     */
    ApiKey check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(ctx, "no API key: send the header Authorization: Bearer <key>");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthorized(ctx, "the Authorization header must read Bearer <key>");
        }
        String key = header.substring(BEARER.length()).strip();
        return keys.authenticate(key)
                .orElseThrow(() -> unauthorized(ctx, "the API key is not valid: it is wrong or was revoked"));
    }

    private static ApiError unauthorized(Context ctx, String message) {
        ctx.header("WWW-Authenticate", "Bearer");
        return ApiError.unauthorized(message);
    }
}
