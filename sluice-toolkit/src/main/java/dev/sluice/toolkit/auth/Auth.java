package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Factory of the common authenticators. Every secret handed in is masked in the client's messages
 * and logs.
 */
public final class Auth {

    private Auth() {}

    /**
     * @param header the header, e.g. {@code X-API-Key}
     * @param key the key
     * @return an authenticator sending {@code header: key}
     */
    public static Authenticator apiKeyHeader(String header, String key) {
        return apiKeyHeader(header, "", key);
    }

    /**
     * @param header the header, e.g. {@code Authorization}
     * @param prefix what precedes the key, e.g. {@code "Token "} or {@code "ApiKey "}
     * @param key the key
     * @return an authenticator sending {@code header: prefix + key}
     */
    public static Authenticator apiKeyHeader(String header, String prefix, String key) {
        return new HeaderAuth(header, prefix + key, List.of(key));
    }

    /**
     * @param parameter the query parameter, e.g. {@code api_key}
     * @param key the key
     * @return an authenticator adding {@code ?parameter=key} (masked in messages)
     */
    public static Authenticator apiKeyQuery(String parameter, String key) {
        return new QueryParameterAuth(parameter, key);
    }

    /**
     * @param user the user name
     * @param password the password
     * @return HTTP basic authentication (RFC 7617, UTF-8)
     */
    public static Authenticator basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HeaderAuth("Authorization", "Basic " + encoded, List.of(password, encoded));
    }

    /**
     * @param token the token
     * @return {@code Authorization: Bearer token}
     */
    public static Authenticator bearer(String token) {
        return new HeaderAuth("Authorization", "Bearer " + token, List.of(token));
    }

    /**
     * @param loginPath the login endpoint
     * @param credentials the fields to post
     * @return a builder of a session-token authenticator, see {@link SessionTokenAuth}
     */
    public static SessionTokenAuth.Builder session(String loginPath, Map<String, String> credentials) {
        return SessionTokenAuth.login(loginPath, credentials);
    }

    /**
     * @param tokenUrl the token endpoint
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return a builder of an OAuth2 client credentials authenticator, see {@link OAuth2Auth}
     */
    public static OAuth2Auth.Builder oauth2ClientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return OAuth2Auth.clientCredentials(tokenUrl, clientId, clientSecret);
    }

    /**
     * @param tokenUrl the token endpoint
     * @param clientId the client id
     * @param clientSecret the client secret, or null for a public client
     * @param refreshToken the refresh token
     * @return a builder of an OAuth2 refresh token authenticator, see {@link OAuth2Auth}
     */
    public static OAuth2Auth.Builder oauth2RefreshToken(
            String tokenUrl, String clientId, String clientSecret, String refreshToken) {
        return OAuth2Auth.refreshToken(tokenUrl, clientId, clientSecret, refreshToken);
    }
}
