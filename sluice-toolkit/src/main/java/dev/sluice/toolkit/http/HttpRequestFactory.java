package dev.sluice.toolkit.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link ApiRequest} into the JDK's {@link HttpRequest}: the URL checked to be absolute,
 * the client's default headers under the request's own (names compared ignoring case),
 * {@code Accept: application/json} unless set, the headers the JDK sets itself left out, the body
 * and the request timeout. Immutable.
 */
final class HttpRequestFactory {

    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final Map<String, String> defaultHeaders;
    private final Duration timeout;
    private final HttpFailures failures;

    HttpRequestFactory(Map<String, String> defaultHeaders, Duration timeout, HttpFailures failures) {
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.timeout = timeout;
        this.failures = failures;
    }

    /**
     * @param request the request, for the message
     * @param url its absolute URL
     * @return the URL as a URI with a scheme and host
     * @throws HttpSourceException naming the URL (secrets masked) when it is not one
     */
    URI uriOf(ApiRequest request, String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw failures.invalidUrl(request, url, e);
        }
    }

    /**
     * @param signed the request, credentials added
     * @param uri its URI, from {@link #uriOf}
     * @return the request to send
     */
    HttpRequest build(ApiRequest signed, URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        Map<String, String> headers = new LinkedHashMap<>();
        defaultHeaders.forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        signed.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        headers.putIfAbsent("accept", "application/json");
        headers.forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name)) {
                builder.header(name, value);
            }
        });
        byte[] body = signed.body();
        builder.method(
                signed.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return builder.build();
    }
}
