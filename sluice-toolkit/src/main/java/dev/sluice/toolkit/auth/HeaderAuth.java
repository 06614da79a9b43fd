package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Authenticator;
import dev.sluice.toolkit.http.RestClient;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Sends fixed credentials in a header: API keys, bearer tokens, basic auth. Immutable, thread-safe. */
public final class HeaderAuth implements Authenticator {

    private final String header;
    private final String value;
    private final List<String> secrets;

    /**
     * @param header the header name, e.g. {@code Authorization} or {@code X-API-Key}
     * @param value the whole value, e.g. {@code Bearer abc}
     * @param secrets the secret parts of the value, masked in messages
     */
    public HeaderAuth(String header, String value, List<String> secrets) {
        this.header = Objects.requireNonNull(header, "header");
        this.value = Objects.requireNonNull(value, "value");
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public ApiRequest authenticate(ApiRequest request, RestClient client) {
        return request.withHeader(header, value);
    }

    @Override
    public Collection<String> secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "HeaderAuth[" + header + "]";
    }
}
