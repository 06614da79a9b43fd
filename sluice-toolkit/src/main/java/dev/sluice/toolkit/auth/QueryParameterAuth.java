package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Authenticator;
import dev.sluice.toolkit.http.RestClient;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Sends an API key as a query parameter, masked in every URL the client reports. Thread-safe. */
public final class QueryParameterAuth implements Authenticator {

    private final String parameter;
    private final String key;

    /**
     * @param parameter the query parameter, e.g. {@code api_key}
     * @param key the key
     */
    public QueryParameterAuth(String parameter, String key) {
        this.parameter = Objects.requireNonNull(parameter, "parameter");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, RestClient client) {
        return request.withQuery(parameter, key);
    }

    @Override
    public Collection<String> secrets() {
        return List.of(key);
    }

    @Override
    public Set<String> secretQueryParameters() {
        return Set.of(parameter);
    }

    @Override
    public String toString() {
        return "QueryParameterAuth[" + parameter + "]";
    }
}
