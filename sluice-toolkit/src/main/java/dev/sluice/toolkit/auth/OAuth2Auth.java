package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.AuthenticationFailedException;
import dev.sluice.toolkit.http.HttpStatusException;
import dev.sluice.toolkit.http.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * OAuth 2.0 access tokens from a token endpoint (RFC 6749), by the client credentials grant or the
 * refresh token grant, sent as {@code Authorization: Bearer}. Tokens are renewed before they
 * expire and once after a 401; a refresh token the server rotates is kept for the next renewal
 * and handed to {@link Builder#onRefreshTokenRotated} so that the connector can store it. A token
 * endpoint that refuses the client (400 {@code invalid_client}/{@code invalid_grant}, 401, 403)
 * fails with {@link AuthenticationFailedException}. Thread-safe once built.
 */
public final class OAuth2Auth extends RenewingTokenAuth {

    /** How the client proves who it is to the token endpoint. */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(id:secret)}, the default of RFC 6749. */
        BASIC_HEADER,
        /** {@code client_id} and {@code client_secret} in the form body. */
        FORM
    }

    private final Builder settings;
    private volatile String refreshToken;

    private OAuth2Auth(Builder settings) {
        super("Authorization", "Bearer ");
        this.settings = settings;
        this.refreshToken = settings.refreshToken;
        renewMargin(settings.renewMargin);
    }

    /**
     * @param tokenUrl the token endpoint, a path or an absolute URL
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return a builder for the client credentials grant
     */
    public static Builder clientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return new Builder(tokenUrl, clientId, clientSecret, null);
    }

    /**
     * @param tokenUrl the token endpoint, a path or an absolute URL
     * @param clientId the client id
     * @param clientSecret the client secret, or null for a public client
     * @param refreshToken the refresh token
     * @return a builder for the refresh token grant
     */
    public static Builder refreshToken(String tokenUrl, String clientId, String clientSecret, String refreshToken) {
        return new Builder(tokenUrl, clientId, clientSecret, Objects.requireNonNull(refreshToken, "refreshToken"));
    }

    /** @return the refresh token to use next (the latest one the server issued), or null for client credentials */
    public String currentRefreshToken() {
        return refreshToken;
    }

    @Override
    protected Token fetch(RestClient client) {
        Map<String, String> form = new LinkedHashMap<>();
        if (refreshToken != null) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        } else {
            form.put("grant_type", "client_credentials");
        }
        if (settings.scope != null) {
            form.put("scope", settings.scope);
        }
        ApiRequest request = ApiRequest.post(settings.tokenUrl).unauthenticated();
        if (settings.clientAuthentication == ClientAuthentication.FORM || settings.clientSecret == null) {
            form.put("client_id", settings.clientId);
            if (settings.clientSecret != null) {
                form.put("client_secret", settings.clientSecret);
            }
        } else {
            String pair = settings.clientId + ":" + settings.clientSecret;
            request = request.withHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        ApiResponse response = sendTokenRequest(client, request.withFormBody(form));
        Instant now = client.time().now();
        String accessToken = TokenResponse.requireText(response, "access_token", "an access token");
        String rotated = TokenResponse.optionalText(response, "refresh_token");
        if (refreshToken != null && rotated != null && !rotated.equals(refreshToken)) {
            refreshToken = rotated;
            settings.onRotated.accept(rotated);
        }
        return new Token(accessToken, TokenResponse.expiry(response, "expires_in", "expires_at", now));
    }

    private ApiResponse sendTokenRequest(RestClient client, ApiRequest request) {
        try {
            return client.send(request);
        } catch (AuthenticationFailedException e) {
            throw e;
        } catch (HttpStatusException e) {
            if (e.status() == 400) {
                throw new AuthenticationFailedException(
                        "The OAuth2 token endpoint refused the "
                                + (refreshToken != null ? "refresh token" : "client credentials")
                                + ": check the client id, client secret"
                                + (refreshToken != null ? " and refresh token" : "")
                                + ". " + e.getMessage(),
                        400);
            }
            throw e;
        }
    }

    @Override
    protected Collection<String> credentials() {
        List<String> secrets = new ArrayList<>();
        if (settings.clientSecret != null) {
            secrets.add(settings.clientSecret);
            String pair = settings.clientId + ":" + settings.clientSecret;
            secrets.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (settings.refreshToken != null) {
            secrets.add(settings.refreshToken);
        }
        String latest = refreshToken;
        if (latest != null) {
            secrets.add(latest);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "OAuth2Auth[" + settings.tokenUrl + ", "
                + (settings.refreshToken != null ? "refresh_token" : "client_credentials") + "]";
    }

    /** Configures an {@link OAuth2Auth}. */
    public static final class Builder {

        private final String tokenUrl;
        private final String clientId;
        private final String clientSecret;
        private final String refreshToken;
        private String scope;
        private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC_HEADER;
        private Duration renewMargin = Duration.ofSeconds(60);
        private Consumer<String> onRotated = token -> {};

        private Builder(String tokenUrl, String clientId, String clientSecret, String refreshToken) {
            this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
        }

        /**
         * @param scope the scopes asked for, space-separated
         * @return this builder
         */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /**
         * @param how basic header (default) or form fields
         * @return this builder
         */
        public Builder clientAuthentication(ClientAuthentication how) {
            this.clientAuthentication = Objects.requireNonNull(how, "how");
            return this;
        }

        /**
         * @param margin renew a token when it expires within this time (60 s by default)
         * @return this builder
         */
        public Builder renewMargin(Duration margin) {
            this.renewMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * @param listener called with each new refresh token the server issues (it is a secret:
         *     keep it somewhere safe, not in state or logs); called under the authenticator's lock
         * @return this builder
         */
        public Builder onRefreshTokenRotated(Consumer<String> listener) {
            this.onRotated = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the authenticator */
        public OAuth2Auth build() {
            return new OAuth2Auth(this);
        }
    }
}
