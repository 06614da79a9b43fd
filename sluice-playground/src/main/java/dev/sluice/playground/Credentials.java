package dev.sluice.playground;

/**
 * The fixed credentials of the playground's auth routes. They are public on purpose: the
 * playground is a local test double, never a place for real secrets.
 */
public final class Credentials {

    /** API key of {@code GET /auth/api_key} ({@code Authorization: apiKey <key>} or {@code ?api_key=}). */
    public static final String API_KEY = "sluice-playground-key";
    /** User of {@code GET /auth/http_basic} and of {@code POST /auth/session_token/login}. */
    public static final String USERNAME = "playground";
    /** Password of {@code GET /auth/http_basic} and of {@code POST /auth/session_token/login}. */
    public static final String PASSWORD = "playground-password";
    /** Static token of {@code GET /auth/http_bearer}. */
    public static final String BEARER_TOKEN = "sluice-playground-token";
    /** OAuth2 client id of {@code POST /oauth/token}. */
    public static final String CLIENT_ID = "sluice-playground-client";
    /** OAuth2 client secret of {@code POST /oauth/token}. */
    public static final String CLIENT_SECRET = "sluice-playground-secret";

    private Credentials() {}
}
