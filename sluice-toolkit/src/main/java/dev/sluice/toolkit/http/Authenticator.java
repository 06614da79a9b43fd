package dev.sluice.toolkit.http;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Adds credentials to the requests of a {@link RestClient}. Implementations in
 * {@code dev.sluice.toolkit.auth} cover API keys, basic, bearer, session logins and OAuth2.
 *
 * <p><b>Threading:</b> one authenticator serves every thread of its client, so implementations
 * must be thread-safe; a renewal made by one thread is seen by the others. <b>Secrets:</b>
 * {@link #secrets()} lists every secret the authenticator holds now (keys, passwords, tokens), so
 * that the client can mask them in messages and logs.
 */
public interface Authenticator {

    /**
     * Adds credentials to a request about to be sent. May log in or fetch a token first, through
     * {@code client} with {@link ApiRequest#unauthenticated()} requests.
     *
     * @param request the request, without credentials
     * @param client the client sending it
     * @return the request with credentials
     */
    ApiRequest authenticate(ApiRequest request, RestClient client);

    /**
     * The server answered 401 to a request this authenticator signed: renew the credentials if
     * that helps. The client then sends the request once more, and fails if it is refused again.
     *
     * @param rejected the request as sent, credentials included
     * @param client the client
     * @return true when a retry with renewed credentials is worth it
     */
    default boolean renewAfterRejection(ApiRequest rejected, RestClient client) {
        return false;
    }

    /** @return the secret values held now, to be masked wherever they would show */
    default Collection<String> secrets() {
        return List.of();
    }

    /** @return names of query parameters that carry secrets, to be masked in URLs */
    default Set<String> secretQueryParameters() {
        return Set.of();
    }

    /** @return an authenticator that adds nothing */
    static Authenticator none() {
        return (request, client) -> request;
    }
}
