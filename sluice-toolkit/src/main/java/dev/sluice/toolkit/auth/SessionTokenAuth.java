package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Logs in with a POST of credentials, reads a session token and its expiry from the answer, and
 * sends the token with every request; logs in again before the token expires and once after a
 * 401. A refused login fails with {@code AuthenticationFailedException}. Thread-safe once built.
 *
 * <pre>{@code
 * Authenticator auth = SessionTokenAuth.login("/auth/login", Map.of("username", user, "password", password))
 *         .tokenField("token").expiresInField("expires_in")
 *         .header("Authorization", "Bearer ")
 *         .build();
 * }</pre>
 */
public final class SessionTokenAuth extends RenewingTokenAuth {

    private final Builder settings;

    private SessionTokenAuth(Builder settings) {
        super(settings.header, settings.prefix);
        this.settings = settings;
        renewMargin(settings.renewMargin);
    }

    /**
     * @param loginPath the login endpoint, a path or an absolute URL
     * @param credentials the fields posted to it; every value is treated as a secret
     * @return a builder: JSON body, token in {@code token}, expiry in {@code expires_in} (seconds) or
     *     {@code expires_at} (ISO-8601 or epoch seconds), sent as {@code Authorization: Bearer}
     */
    public static Builder login(String loginPath, Map<String, String> credentials) {
        return new Builder(loginPath, credentials);
    }

    @Override
    protected Token fetch(RestClient client) {
        ApiRequest login = ApiRequest.post(settings.loginPath).unauthenticated();
        login = settings.form
                ? login.withFormBody(settings.credentials)
                : login.withJsonBody(
                        Json.mapper().valueToTree(settings.credentials).toString());
        ApiResponse response = client.send(login);
        Instant now = client.time().now();
        String token = TokenResponse.requireText(response, settings.tokenField, "a session token");
        Instant expiry = TokenResponse.expiry(response, settings.expiresInField, settings.expiresAtField, now);
        if (expiry == null && settings.lifetime != null) {
            expiry = now.plus(settings.lifetime);
        }
        return new Token(token, expiry);
    }

    @Override
    protected Collection<String> credentials() {
        return List.copyOf(settings.credentials.values());
    }

    @Override
    public Set<String> secretQueryParameters() {
        return Set.copyOf(settings.credentials.keySet());
    }

    @Override
    public String toString() {
        return "SessionTokenAuth[" + settings.loginPath + "]";
    }

    /** Configures a {@link SessionTokenAuth}. */
    public static final class Builder {

        private final String loginPath;
        private final Map<String, String> credentials;
        private boolean form;
        private String tokenField = "token";
        private String expiresInField = "expires_in";
        private String expiresAtField = "expires_at";
        private Duration lifetime;
        private String header = "Authorization";
        private String prefix = "Bearer ";
        private Duration renewMargin = Duration.ofSeconds(60);

        private Builder(String loginPath, Map<String, String> credentials) {
            this.loginPath = Objects.requireNonNull(loginPath, "loginPath");
            this.credentials = new LinkedHashMap<>(credentials);
        }

        /** @return this builder, posting the credentials as a form instead of JSON */
        public Builder formBody() {
            this.form = true;
            return this;
        }

        /**
         * @param field the token's field name or JSON pointer in the login answer
         * @return this builder
         */
        public Builder tokenField(String field) {
            this.tokenField = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * @param field the field holding the token's lifetime in seconds
         * @return this builder
         */
        public Builder expiresInField(String field) {
            this.expiresInField = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * @param field the field holding the token's expiry (ISO-8601 or epoch seconds)
         * @return this builder
         */
        public Builder expiresAtField(String field) {
            this.expiresAtField = Objects.requireNonNull(field, "field");
            return this;
        }

        /**
         * @param lifetime how long a token lives when the answer does not say
         * @return this builder
         */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * @param header the header the token goes in
         * @param prefix what precedes the token, e.g. {@code "Bearer "}, {@code "Token "} or {@code ""}
         * @return this builder
         */
        public Builder header(String header, String prefix) {
            this.header = Objects.requireNonNull(header, "header");
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * @param margin log in again when the token expires within this time (60 s by default)
         * @return this builder
         */
        public Builder renewMargin(Duration margin) {
            this.renewMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /** @return the authenticator */
        public SessionTokenAuth build() {
            return new SessionTokenAuth(this);
        }
    }
}
